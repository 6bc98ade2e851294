package it.oivreport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTests {

    @Test
    void directoriesAre0700AndFiles0600WhateverTheUmask(@TempDir Path root) throws Exception {
        Path deep = root.resolve("data/evidence/ab/cd");
        PrivateFiles.createDirectories(deep);
        for (Path p = deep; !p.equals(root); p = p.getParent()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString())
                    .isEqualTo("rwx------");
        }
        Path key = deep.resolve("demo-sigillo.p12");
        try (OutputStream out = PrivateFiles.newFile(key)) {
            out.write(new byte[] {1, 2, 3});
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(key)).containsExactly(1, 2, 3);

        Path wideOpen = Files.createFile(root.resolve("upload.part"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        PrivateFiles.restrict(wideOpen);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wideOpen))).isEqualTo("rw-------");
    }
}
