#!/usr/bin/env bash
# Times %maven of artifacts already in ~/.m2 on the built kernel (see maven_timing.py); installs the kernelspec into a
# temporary JUPYTER_PATH first, like run-protocol-tests.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jupyter_path=$(mktemp -d)
trap 'rm -rf "$jupyter_path"' EXIT
bash "$here/../install-kernel.sh" "$jupyter_path" >/dev/null
export JUPYTER_PATH=$jupyter_path PYDEVD_DISABLE_FILE_VALIDATION=1
exec /usr/bin/python3 "$here/maven_timing.py"
