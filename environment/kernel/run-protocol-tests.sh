#!/usr/bin/env bash
# Runs protocol_test.py against the built kernel jar (it builds nothing: run `mvn -pl environment/kernel -am package`
# first). The kernelspec goes into a temporary JUPYTER_PATH, so no installed kernel is touched or used. Names of checks
# as arguments run only those: bash run-protocol-tests.sh out_of_memory output_truncated
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

jupyter_path=$(mktemp -d)
trap 'rm -rf "$jupyter_path"' EXIT
bash "$here/../install-kernel.sh" "$jupyter_path" >/dev/null

export JUPYTER_PATH=$jupyter_path
export PYDEVD_DISABLE_FILE_VALIDATION=1       # silences debugpy's frozen-modules warning
# Debian's python: the `python3` on PATH may be a pyenv shim without jupyter_client.
exec /usr/bin/python3 "$here/protocol_test.py" "$@"
