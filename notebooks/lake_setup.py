"""The setup every notebook shares: a local Spark session with Delta Lake, and the lake's tables and views.

Every Delta table of the lake becomes a temporary view of its name (reports, applications, cells, ...), then every
src/main/resources/sql/views/NAME.sql becomes the view NAME -- exactly what LakeViews does for the job and for
`bin/disclosure-lake sql --lake DIR "SELECT ..."`, which answers the same SQL without a notebook server.
Needs PySpark with Delta Lake (pip install "pyspark==4.1.*" "delta-spark==4.1.*"), the versions of the lake.
"""
import glob
import os

HERE = os.path.dirname(os.path.abspath(__file__))
VIEWS = os.path.join(HERE, "..", "src", "main", "resources", "sql", "views")


def session():
    """A local session with Delta, on loopback, sized for a notebook (two shuffle partitions)."""
    from delta import configure_spark_with_delta_pip
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.appName("disclosure-lake notebook")
               .master("local[2]")
               .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
               .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2"))
    return configure_spark_with_delta_pip(builder).getOrCreate()


def open_lake(lake, views=VIEWS):
    """The session with every table of `lake` and every named view registered; prints what it registered."""
    spark = session()
    tables = sorted(d for d in os.listdir(lake) if os.path.isdir(os.path.join(lake, d, "_delta_log")))
    for name in tables:
        spark.read.format("delta").load(os.path.join(lake, name)).createOrReplaceTempView(name)

    pending = sorted(glob.glob(os.path.join(views, "*.sql")))
    while pending:  # a view may read another view: retry until nothing more can be created
        failed = []
        for path in pending:
            with open(path, encoding="utf-8") as f:
                view_sql = f.read().strip().rstrip(";")
            try:
                spark.sql(view_sql).createOrReplaceTempView(os.path.splitext(os.path.basename(path))[0])
            except Exception:  # a table missing from this lake (e.g. rankings before the first ranking)
                failed.append(path)
        if len(failed) == len(pending):
            print("views skipped, their tables are missing:", [os.path.basename(p) for p in failed])
            break
        pending = failed
    print("tables:", tables)
    print("views:", sorted(t.name for t in spark.catalog.listTables() if t.isTemporary and t.name not in tables))
    return spark
