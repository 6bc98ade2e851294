package it.oivreport.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files under {@code OIV_DATA_DIR} hold reports, evidence and keys: directories are made readable by the
 * application's own user only (0700), files likewise (0600), whatever the process's umask. On a file system
 * without POSIX permissions (Windows) the platform's defaults apply.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates the directory and any missing parents as 0700; an existing one is left as it is. */
    public static Path createDirectories(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            if (POSIX) {
                Files.createDirectory(next, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(next, DIRECTORY); // the umask may have taken bits away
            } else {
                Files.createDirectory(next);
            }
        }
        return directory;
    }

    /** Makes an existing file or directory private to the application's user. */
    public static void restrict(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
        }
    }

    /** A new file, 0600 from its creation: nobody else can open it even while it is being written. */
    public static OutputStream newFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
