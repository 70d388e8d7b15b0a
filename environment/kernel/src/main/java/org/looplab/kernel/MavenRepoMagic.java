package org.looplab.kernel;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

/**
 * {@code %mavenRepo ID URL} (IJava's alias: {@code %addMavenRepo}): later %maven and %loadFromPOM cells search this
 * repository too, after Maven Central and those added before it. A {@code settings.xml} mirror or credentials for
 * the same id apply to it, as in Maven.
 */
final class MavenRepoMagic implements LineMagic<Void, LoopLabKernel> {

    private final DependencyLoader loader;

    MavenRepoMagic(DependencyLoader loader) {
        this.loader = loader;
    }

    @Override
    public Void eval(LoopLabKernel kernel, List<String> args) {
        if (args.size() != 2) {
            throw new MagicArgumentException("mavenRepo", "usage: %mavenRepo ID URL, got " + args);
        }
        String url = args.get(1);
        if (!url.matches("(?i)(https?|file)://.+")) {
            throw new MagicArgumentException("mavenRepo", "'" + url + "' is not an http(s):// or file:// URL");
        }
        loader.resolver().addRepository(args.get(0), url);
        return null;
    }
}
