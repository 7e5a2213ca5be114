# Sourced by ./mal for its Spark commands (README "Running on Apache Spark"); expects $here = the repository root.
#   ./mal spark-submit-example      the spark-submit lines for local mode, YARN and Kubernetes
#   ./mal spark-local MASTER ARGS   runs FacesJob through Spark's own SparkSubmit with Maven's Spark jars,
#                                   e.g. MASTER local[2]: no Spark installation needed (tests, benchmarks, a laptop)
spark_jar() {
  local jar="$here/spark/target/malau-spark-0.1.0-SNAPSHOT-app.jar"
  if [ ! -f "$jar" ] || [ ! -f "$here/spark/target/spark-classpath.txt" ] \
     || [ -n "$(find "$here/spark/src/main" "$here/spark/pom.xml" "$here/plugin/src/main" -newer "$jar" -print -quit)" ]; then
    echo "building the Spark application jar (first run or sources changed) ..." >&2
    # clean: Tycho's incremental test compile of plugin/ reports spurious "cannot be resolved" errors. A failed
    # build stops here rather than running the old jar.
    if ! (cd "$here" && ./mvnw -q -B -pl releng/target-platform,plugin,spark -DskipTests clean package) >&2; then
      echo "building the Spark application jar failed (see above)" >&2
      return 1
    fi
  fi
  echo "$jar"
}

spark_submit_example() {
  local jar
  jar="$(spark_jar)" || exit 1
  cat <<EXAMPLES
# The application jar (engine, LibTorch and OpenCV for Linux x86_64; Spark itself comes from the cluster):
#   $jar
# Spark 3.5.x built for Scala 2.13, Java 17 on driver and executors. Job options: --help below.

# Local mode (a Spark 3.5 installation, e.g. spark-3.5.8-bin-hadoop3-scala2.13):
spark-submit --master 'local[*]' --driver-memory 4g \\
  --class org.malau.spark.FacesJob $jar \\
  --mode align+predict --input /data/frames --model /data/model.zip --out /data/faces.parquet

# YARN (cluster mode): paths on HDFS (or s3a://, abfss://, ...); one LibTorch thread per task core.
spark-submit --master yarn --deploy-mode cluster \\
  --num-executors 20 --executor-cores 4 --executor-memory 6g --conf spark.task.cpus=1 \\
  --conf spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=./javacpp \\
  --conf spark.driver.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=./javacpp \\
  --class org.malau.spark.FacesJob $jar \\
  --mode align+predict --input hdfs:///studies/bp4d/frames.csv --column path \\
  --model hdfs:///models/model.zip --out hdfs:///studies/bp4d/faces --partitions 2000

# Kubernetes (cluster mode): an image with Spark 3.5 for Scala 2.13 on Java 17 (e.g. built with the
# distribution's bin/docker-image-tool.sh); the jar is uploaded through spark.kubernetes.file.upload.path.
spark-submit --master k8s://https://K8S_API_SERVER:6443 --deploy-mode cluster \\
  --conf spark.kubernetes.container.image=REGISTRY/spark:3.5.8-scala2.13-java17 \\
  --conf spark.kubernetes.file.upload.path=s3a://BUCKET/spark-upload \\
  --conf spark.executor.instances=20 --conf spark.executor.cores=4 --conf spark.executor.memory=6g \\
  --conf spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp \\
  --class org.malau.spark.FacesJob $jar \\
  --mode predict --input s3a://BUCKET/crops/ --model s3a://BUCKET/models/model.zip --out s3a://BUCKET/faces

# Without a Spark installation, on this machine (Maven's Spark jars):
./mal spark-local 'local[2]' --mode align+predict --input DIR --model MODEL.zip --out OUT
EXAMPLES
  spark_local 'local[1]' --help 2>&1 | sed 's/^/# /'
}

spark_local() {
  if [ $# -lt 1 ]; then
    echo "usage: ./mal spark-local MASTER FacesJob-options (e.g. ./mal spark-local 'local[2]' --help)" >&2
    exit 2
  fi
  local master="$1" jar
  shift
  jar="$(spark_jar)" || exit 1
  # The module openings spark-submit's launcher adds on Java 17 (see spark/pom.xml).
  local opens
  opens="$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' "$here/spark/pom.xml")"
  # shellcheck disable=SC2086
  exec java ${SPARK_LOCAL_JAVA_OPTS:--Xmx4g} $opens -Dlog4j2.configurationFile="$here/spark/conf/log4j2.properties" \
    -cp "$(cat "$here/spark/target/spark-classpath.txt")" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    --class org.malau.spark.FacesJob "$jar" "$@"
}
