package io.disclosurelake.lake;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Hadoop's local file system ({@code file:}) without a process per file. Without Hadoop's native library (not on
 * Maven Central, not in Debian) the stock one sets every new file's and directory's mode by running {@code chmod},
 * and renames through {@code FileContext} (how Delta commits a log entry) by running {@code readlink} on both
 * names: some 880 processes in a first night of the 48-document sample, a few milliseconds each, on the commit's
 * critical path. Here both go through java.nio instead; everything else is Hadoop's own code
 * (docs/job.md "Interpreted, not compiled").
 *
 * <p>Behaviour is unchanged: a mode is set to the same bits (a sticky bit, which java.nio cannot set, still goes
 * to {@code chmod}); a link status is the file's status when the name is not a symbolic link (what the stock
 * class returns here as well: its {@code readlink} is handed a {@code file:} URI and finds nothing), and Hadoop's
 * own answer when it is one. Installed by {@link LakeSession} for {@code fs.file.impl} and
 * {@code fs.AbstractFileSystem.file.impl} unless a setting names another.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() { super(new Raw()); }

    /** The raw (unchecksummed) file system both APIs wrap. */
    public static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            PosixFileAttributeView view = permission.getStickyBit() ? null
                    : Files.getFileAttributeView(pathToFile(p).toPath(), PosixFileAttributeView.class);
            if (view == null) {
                super.setPermission(p, permission);
                return;
            }
            view.setPermissions(posix(permission));
        }

        @Override
        public FileStatus getFileLinkStatus(Path f) throws IOException {
            if (Files.isSymbolicLink(pathToFile(f).toPath())) return super.getFileLinkStatus(f);
            return getFileStatus(f);
        }
    }

    /** The POSIX permissions of a Hadoop mode (without sticky bit). */
    static Set<PosixFilePermission> posix(FsPermission p) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        add(s, p.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        add(s, p.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);
        add(s, p.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
        return s;
    }

    private static void add(Set<PosixFilePermission> s, FsAction a, PosixFilePermission r, PosixFilePermission w, PosixFilePermission x) {
        if (a.implies(FsAction.READ)) s.add(r);
        if (a.implies(FsAction.WRITE)) s.add(w);
        if (a.implies(FsAction.EXECUTE)) s.add(x);
    }

    /** The {@code FileContext} side ({@code fs.AbstractFileSystem.file.impl}): Hadoop's LocalFs over {@link Raw}. */
    public static final class Fs extends ChecksumFs {
        public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException { super(new RawFs(conf)); }
    }

    /** Hadoop's RawLocalFs, delegating to {@link Raw}. */
    static final class RawFs extends DelegateToFileSystem {
        RawFs(Configuration conf) throws IOException, URISyntaxException {
            super(FsConstants.LOCAL_FS_URI, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
        }

        @Override public int getUriDefaultPort() { return -1; }

        @Override public FsServerDefaults getServerDefaults(Path f) throws IOException { return LocalConfigKeys.getServerDefaults(); }

        @Override @Deprecated public FsServerDefaults getServerDefaults() throws IOException { return LocalConfigKeys.getServerDefaults(); }

        @Override public boolean isValidName(String src) { return true; }
    }
}
