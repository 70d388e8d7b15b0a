package io.github.spencerpark.jupyter.kernel.display.mime;

/** IJava's MIME type constants (a facade over jjava's; see {@code io.github.spencerpark.ijava.IJava}). */
public final class MIMEType {

    public static final MIMEType TEXT_PLAIN =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
    public static final MIMEType TEXT_HTML =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML);
    public static final MIMEType TEXT_MARKDOWN =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_MARKDOWN);
    public static final MIMEType TEXT_LATEX =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_LATEX);
    public static final MIMEType TEXT_CSS = new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_CSS);
    public static final MIMEType APPLICATION_JSON =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.APPLICATION_JSON);
    public static final MIMEType APPLICATION_JAVASCRIPT =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.APPLICATION_JAVASCRIPT);
    public static final MIMEType IMAGE_PNG =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG);
    public static final MIMEType IMAGE_JPEG =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_JPEG);
    public static final MIMEType IMAGE_GIF =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_GIF);
    public static final MIMEType IMAGE_SVG =
            new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG);

    private final org.dflib.jjava.jupyter.kernel.display.mime.MIMEType type;

    private MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType type) {
        this.type = type;
    }

    public static MIMEType parse(String type) {
        return new MIMEType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(type));
    }

    /** The jjava type this stands for. */
    public org.dflib.jjava.jupyter.kernel.display.mime.MIMEType jjava() {
        return type;
    }

    @Override
    public String toString() {
        return type.toString();
    }
}
