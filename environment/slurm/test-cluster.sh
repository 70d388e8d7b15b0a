#!/bin/bash
# Starts a private single-node Slurm cluster (munged, slurmctld, slurmd from Debian's packages) in a temporary
# folder, runs the command given as arguments with SLURM_CONF pointing at it, then stops exactly the processes it
# started, by pid. Exit status: the command's; 0 with a "SKIPPED" line when Slurm cannot start here.
#   bash environment/slurm/test-cluster.sh mvn -pl lib test -Dtest=SlurmSweepIT
set -u

skip() { echo "SKIPPED: Slurm integration test: $*" >&2; exit 0; }

for bin in munged slurmctld slurmd sbatch squeue scancel sinfo; do
  command -v "$bin" >/dev/null || [ -x "/usr/sbin/$bin" ] || skip "$bin not found (make slurm installs Debian's slurmctld, slurmd, slurm-client and munge)"
done
export PATH="$PATH:/usr/sbin"
# slurmd must run as root to start jobs as their user; as another user it cannot launch anything.
[ "$(id -u)" = 0 ] || skip "slurmd needs root, this is uid $(id -u)"

dir=$(mktemp -d /tmp/looplab-slurm.XXXXXX)
chmod 755 "$dir"
pids=()
cleanup() {
  # Jobs first (their processes belong to slurmstepd, which slurmd does not stop), then the daemons we started.
  if [ -n "${SLURM_CONF:-}" ] && [ ${#pids[@]} -ge 3 ]; then
    scancel --me 2>/dev/null
    for _ in $(seq 1 60); do [ -z "$(squeue --noheader --me 2>/dev/null)" ] && break; sleep 1; done
  fi
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$p" 2>/dev/null
  done
  [ -n "${KEEP_SLURM_DIR:-}" ] && echo "cluster files kept in $dir" || rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ctld_port=$(free_port); slurmd_port=$(free_port)
while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(free_port); done

# A munge key made for this cluster only; munged refuses a key others can read.
mkdir -p "$dir/munge-key" "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
chmod 700 "$dir/munge-key"; chmod 755 "$dir/munge"
dd if=/dev/urandom of="$dir/munge-key/munge.key" bs=1024 count=1 status=none
chmod 600 "$dir/munge-key/munge.key"
munged --foreground --force --key-file="$dir/munge-key/munge.key" --socket="$dir/munge/munge.sock" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/seed" \
  >"$dir/log/munged.out" 2>&1 &
pids+=($!)

cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
host=$(hostname -s)
export SLURM_CONF="$dir/slurm.conf"
# No cgroups: processes are tracked through /proc and tasks are not bound to CPUs.
cat >"$SLURM_CONF" <<CONF
ClusterName=looplabtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.sock
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
KillWait=30
MinJobAge=600
SchedulerParameters=sched_interval=2
NodeName=looplab1 NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=looplab1 Default=YES MaxTime=INFINITE State=UP
CONF

for _ in $(seq 1 50); do [ -S "$dir/munge/munge.sock" ] && break; sleep 0.2; done
[ -S "$dir/munge/munge.sock" ] || skip "munged did not start: $(tail -3 "$dir/log/munged.out")"
slurmctld -D -f "$SLURM_CONF" >"$dir/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N looplab1 -f "$SLURM_CONF" >"$dir/log/slurmd.out" 2>&1 &
pids+=($!)

up=
for _ in $(seq 1 60); do
  if sinfo --noheader --format=%T 2>/dev/null | grep -qx idle; then up=1; break; fi
  sleep 0.5
done
[ -n "$up" ] || skip "the test cluster did not come up; slurmctld: $(tail -2 "$dir/log/slurmctld.log" 2>/dev/null); slurmd: $(tail -2 "$dir/log/slurmd.log" 2>/dev/null)"
echo "test cluster up: SLURM_CONF=$SLURM_CONF, $cpus CPUs (munged ${pids[0]}, slurmctld ${pids[1]}, slurmd ${pids[2]})"

"$@"
