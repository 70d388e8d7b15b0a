#!/usr/bin/env bash
# Installs LoopLab's Java kernel as a Jupyter kernelspec named "java" under DEST_DIR/kernels/java.
#
#   bash environment/install-kernel.sh build/jupyter && export JUPYTER_PATH=$PWD/build/jupyter
#
# The spec goes into a project folder that JUPYTER_PATH points at, never into ~/.local/share/jupyter, so a user's
# own IJava install (also named "java") is left alone. The name, display name and language are IJava's, so the
# notebooks open with either kernel. Build the jar first: mvn -pl environment/kernel -am package
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 DEST_DIR   (writes DEST_DIR/kernels/java/kernel.json)" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar="$here/kernel/target/looplab-kernel.jar"
if [ ! -f "$jar" ]; then
  echo "missing $jar; build it first: mvn -pl environment/kernel -am package" >&2
  exit 1
fi

# The java that builds is the java that runs: an absolute path, so Jupyter's own PATH does not matter.
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/java}
java_cmd=${java_cmd:-$(command -v java)}
if [ ! -x "$java_cmd" ]; then
  echo "no java found (set JAVA_HOME or put java on PATH)" >&2
  exit 1
fi

json_string() {   # a JSON string literal: escape backslashes and double quotes
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

spec_dir="$1/kernels/java"
mkdir -p "$spec_dir"
spec_dir=$(cd "$spec_dir" && pwd)

# The kernelspec runs a copy of the jar, replaced only when its classes change: Maven writes a new jar (new bytes,
# new time) at every package, and the JVM refuses a class-data-sharing archive made with another jar file.
py=${LOOPLAB_PYTHON:-/usr/bin/python3}
copy="$spec_dir/looplab-kernel.jar"
same_classes() {   # same entries with the same CRC-32s: the same classes, whatever the zip's timestamps say
  [ -f "$2" ] && "$py" - "$1" "$2" <<'PY' 2>/dev/null
import sys, zipfile
crcs = [{i.filename: i.CRC for i in zipfile.ZipFile(p).infolist() if not i.filename.endswith("/")} for p in sys.argv[1:]]
sys.exit(0 if crcs[0] == crcs[1] else 1)
PY
}
if ! same_classes "$jar" "$copy"; then
  cp "$jar" "$copy.partial" && mv "$copy.partial" "$copy"
fi
jar="$copy"

# Cold start: a class-data-sharing archive of what a kernel loads up to its first cells (environment/kernel/
# cds-archive.py), made again when the jar copy or the JVM is newer than it. Where it cannot be made (no Python with
# jupyter_client), the kernel starts without it, only slower.
archive="$spec_dir/kernel.jsa"
java_real=$(readlink -f "$java_cmd")
if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ] || [ "$java_real" -nt "$archive" ]; then
  rm -f "$archive"
  if "$py" -c 'import jupyter_client' 2>/dev/null; then
    start=$(date +%s)
    if "$py" "$here/kernel/cds-archive.py" "$java_cmd" "$jar" "$archive" "$here/../notebooks"; then
      echo "kernel class-data-sharing archive: $archive ($(( $(date +%s) - start )) s to make)"
    fi
  fi
fi
cds_args=""
if [ -f "$archive" ]; then
  cds_args="$(json_string "-XX:SharedArchiveFile=$archive"), \"-Xshare:auto\", "
fi

# The kernel starts through bin/utf8-locale (copied beside the jar), so a notebook under a C or POSIX locale opens
# run folders with non-ASCII names; it execs java, so Jupyter still signals the JVM itself.
launcher="$spec_dir/utf8-locale"
cp "$here/../bin/utf8-locale" "$launcher.partial" && chmod +x "$launcher.partial" && mv "$launcher.partial" "$launcher"

cat > "$spec_dir/kernel.json" <<JSON
{
  "argv": [$(json_string "$launcher"), $(json_string "$java_cmd"), ${cds_args}"-Djava.security.manager=allow", "-jar", $(json_string "$jar"), "{connection_file}"],
  "display_name": "Java",
  "language": "java",
  "interrupt_mode": "message"
}
JSON
echo "installed kernelspec 'java' in $spec_dir"
