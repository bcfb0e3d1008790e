package no.trondelag.samhandling.command.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.trondelag.samhandling.api.common.LedgerCommand;

/**
 * Finds the message records of the api module by listing its classes, from its jar or its classes folder, so that a
 * new command or event is found without anyone adding it to a list.
 */
public final class ApiClasses {

    private static final String API_PACKAGE = "no.trondelag.samhandling.api.";

    private ApiClasses() {
    }

    /**
     * Every record in the api module that implements the given interface.
     *
     * @param contract an interface such as {@code LedgerCommand}
     * @return the implementing records
     */
    public static Set<Class<?>> recordsImplementing(Class<?> contract) {
        try {
            Path location = Path.of(LedgerCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return recordsUnder(location, contract);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return recordsUnder(jar.getPath("/"), contract);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Class<?>> recordsUnder(Path root, Class<?> contract) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("-info"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(name -> name.startsWith(API_PACKAGE))
                    .map(ApiClasses::load)
                    .filter(type -> type.isRecord() && contract.isAssignableFrom(type))
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ApiClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
