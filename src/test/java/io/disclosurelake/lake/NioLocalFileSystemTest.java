package io.disclosurelake.lake;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local file system the lake's sessions use: the same files, modes and renames as Hadoop's own (what Delta's
 * commits rely on), without a chmod or readlink process.
 */
class NioLocalFileSystemTest {

    @TempDir java.nio.file.Path dir;

    private Configuration conf() {
        Configuration c = new Configuration(false);
        c.set("fs.file.impl", NioLocalFileSystem.class.getName());
        c.set("fs.AbstractFileSystem.file.impl", NioLocalFileSystem.Fs.class.getName());
        c.setBoolean("fs.file.impl.disable.cache", true);
        return c;
    }

    @Test void setsTheModeHadoopWouldAndWritesChecksums() throws Exception {
        FileSystem fs = FileSystem.get(dir.toUri(), conf());
        assertTrue(fs instanceof NioLocalFileSystem);
        Path f = new Path(dir.toUri().toString(), "a/b/part-0.parquet");
        try (var out = fs.create(f, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
            out.write("rows".getBytes(StandardCharsets.UTF_8));
        }
        java.nio.file.Path local = dir.resolve("a/b/part-0.parquet");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
        assertTrue(Files.exists(dir.resolve("a/b/.part-0.parquet.crc")), "checksums as with LocalFileSystem");
        fs.setPermission(f, new FsPermission((short) 0604));
        assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
        assertTrue(fs.mkdirs(new Path(dir.toUri().toString(), "c/d"), new FsPermission((short) 0750)));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("c/d"))));
        assertEquals("rows", new String(fs.open(f).readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test void aRenameWithoutOverwriteRefusesAnExistingNameAsDeltaCommitsNeed() throws Exception {
        FileContext fc = FileContext.getFileContext(dir.toUri(), conf());
        Path tmp = new Path(dir.toUri().toString(), "_delta_log/.00000.json.tmp");
        Path commit = new Path(dir.toUri().toString(), "_delta_log/00000.json");
        try (var out = fc.create(tmp, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE), Options.CreateOpts.createParent())) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        fc.rename(tmp, commit, Options.Rename.NONE);
        assertTrue(Files.exists(dir.resolve("_delta_log/00000.json")));
        assertFalse(Files.exists(dir.resolve("_delta_log/.00000.json.tmp")));
        try (var out = fc.create(tmp, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
            out.write("{\"other\":1}".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(FileAlreadyExistsException.class, () -> fc.rename(tmp, commit, Options.Rename.NONE));
        assertEquals("{}", Files.readString(dir.resolve("_delta_log/00000.json")), "the first commit stays");
        assertThrows(java.io.FileNotFoundException.class,
                () -> fc.rename(new Path(dir.toUri().toString(), "_delta_log/missing"), new Path(dir.toUri().toString(), "x"), Options.Rename.NONE));
    }

    @Test void aSymbolicLinkIsStillHadoopsToResolve() throws Exception {
        Files.writeString(dir.resolve("target.txt"), "t");
        Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("target.txt"));
        FileSystem fs = FileSystem.get(dir.toUri(), conf());
        Path link = new Path(dir.toUri().toString(), "link.txt");
        org.apache.hadoop.fs.FileStatus viaHadoop = fs.getFileLinkStatus(link); // Hadoop's own code, as before
        assertEquals("link.txt", viaHadoop.getPath().getName());
        Path plain = new Path(dir.toUri().toString(), "target.txt");
        assertEquals(fs.getFileStatus(plain), fs.getFileLinkStatus(plain));
        assertFalse(fs.getFileLinkStatus(plain).isSymlink());
    }
}
