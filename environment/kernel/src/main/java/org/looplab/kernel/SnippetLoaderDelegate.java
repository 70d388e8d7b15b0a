package org.looplab.kernel;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Defines JShell's snippet classes, and holds the jars that %classpath adds, in one class loader whose parent is the
 * application class loader. Snippets therefore see the kernel jar's classes parent-first (which is why every
 * third-party package in that jar is relocated), and the notebook's own jars come after them.
 */
final class SnippetLoaderDelegate implements LoaderDelegate {

    private final SnippetClassLoader loader = new SnippetClassLoader();
    private final Map<String, Class<?>> loadedSnippets = new ConcurrentHashMap<>();

    /** The loader cell threads must carry as context class loader: ServiceLoader (e.g. DJL's Engine) looks there. */
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        try {
            for (ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
            for (int i = 0; i < classes.length; i++) {
                Class<?> loaded = loader.loadClass(classes[i].name());
                loadedSnippets.put(classes[i].name(), loaded);
                installed[i] = true;
                loaded.getDeclaredMethods(); // link now, so a broken class fails here and not mid-cell
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String classpath) throws InternalException {
        for (String entry : classpath.split(File.pathSeparator)) {
            try {
                loader.addURL(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("cannot add " + entry + " to the classpath: " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> loaded = loadedSnippets.get(name);
        if (loaded == null) {
            throw new ClassNotFoundException(name + " is not a loaded snippet class");
        }
        return loaded;
    }

    private static final class SnippetClassLoader extends URLClassLoader {

        private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

        SnippetClassLoader() {
            // unnamed: a named loader would prefix every stack frame of a notebook class with its name
            super(new URL[0], ClassLoader.getSystemClassLoader());
        }

        void declare(String name, byte[] bytecodes) {
            declared.put(name, bytecodes);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytecodes = declared.get(name);
            return bytecodes == null ? super.findClass(name) : defineClass(name, bytecodes, 0, bytecodes.length);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }
}
