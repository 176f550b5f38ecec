package io.disclosurelake.sql;

import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunContext;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.nio.charset.StandardCharsets;

/**
 * The job's last step: creates every named view over the tables just written — so a view that no longer
 * compiles against the tables shows in the run's summary the same night — and leaves each view's definition in
 * {@code <lake>/_views/NAME.sql}, for tools that open the lake without this project (notebooks, other engines).
 */
public final class ViewsPostRunStep implements PostRunStep {
    public static final String VIEWS_DIR = "_views";

    @Override public String name() { return "views"; }

    @Override public void run(RunContext ctx) throws Exception {
        String lake = ctx.lake().root();
        LakeViews.Registration reg = LakeViews.registerAll(ctx.spark(), lake);
        Path dir = new Path(lake, VIEWS_DIR);
        FileSystem fs = dir.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
        fs.mkdirs(dir);
        for (LakeViews.ViewFile v : LakeViews.viewFiles()) {
            // View names come from the project's own resource files, never from document text.
            try (FSDataOutputStream out = fs.create(new Path(dir, v.name() + ".sql"), true)) {
                out.write(LakeViews.createStatement(v).getBytes(StandardCharsets.UTF_8));
            }
        }
        ctx.summaryLines().add(String.format("views     %d created (%s)%s, definitions in %s", reg.views().size(),
                String.join(", ", reg.views()), reg.skipped().isEmpty() ? "" : "; skipped " + reg.skipped().keySet(), dir));
    }
}
