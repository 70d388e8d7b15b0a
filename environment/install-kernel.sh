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
cat > "$spec_dir/kernel.json" <<JSON
{
  "argv": [$(json_string "$java_cmd"), "-Djava.security.manager=allow", "-jar", $(json_string "$jar"), "{connection_file}"],
  "display_name": "Java",
  "language": "java",
  "interrupt_mode": "message"
}
JSON
echo "installed kernelspec 'java' in $(cd "$spec_dir" && pwd)"
