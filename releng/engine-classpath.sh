# Sourced by ./mal and bench/run: builds the engine and its native fragment when they are missing
# or older than the sources, then sets ENGINE_CP to a flat class path (no KNIME, no OSGi).
# Expects $here to be the repository root.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 ;;
  *) echo "no native libraries are built for $(uname -s) $(uname -m) yet (only Linux x86_64)" >&2; exit 1 ;;
esac

classes="$here/plugin/target/classes"
marker="$classes/org/malau/cli/Main.class"
natives="$here/plugin/natives/$platform/lib"
if [ ! -f "$marker" ] || [ ! -d "$here/plugin/lib" ] || [ ! -d "$natives" ] \
   || [ -n "$(find "$here/plugin/src/main" "$here/plugin/META-INF" -newer "$marker" -print -quit)" ]; then
  echo "building the engine (first run or sources changed) ..." >&2
  (cd "$here" && ./mvnw -q -B -pl releng/target-platform,plugin,plugin/natives/$platform -DskipTests compile) >&2
  # An incremental compile leaves Main.class alone when Main.java did not change, so the marker
  # would stay older than the edited source and every later run would build again.
  touch "$marker"
fi

ENGINE_CP="$classes"
for jar in "$here"/plugin/lib/*.jar "$natives"/*.jar; do ENGINE_CP="$ENGINE_CP:$jar"; done
export ENGINE_CP
