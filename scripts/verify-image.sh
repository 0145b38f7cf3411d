#!/usr/bin/env bash
# Builds the container image from the Dockerfile and checks it end to end on a machine without a
# Docker engine or a registry (see docs/OPERATIONS.md, "Verifying the image"):
#
#   1. a Debian bookworm JRE base image made with debootstrap, imported into podman as
#      localhost/jre17:bookworm and cached as a tarball under .cache/ (git-ignored);
#   2. the jar built on the host with the README's command, then
#      podman build --isolation=chroot --format docker --target prebuilt --build-arg BASE=...;
#   3. the image's configuration: non-root user, HEALTHCHECK, processes/ and forms/ inside;
#   4. the image's file system (podman create + export) started with the image's entrypoint,
#      environment and working directory under chroot --userspec=<image user>, /proc and /dev bound;
#   5. health answered, the HEALTHCHECK command run inside the root file system, then shutdown.
#
# Options: --keep (leave the exported root file system under .cache/ for inspection),
#          --full (also build the default multi-stage target on a locally made JDK base and run the
#                  checks against that image; slower: a second debootstrap the first time, and Maven
#                  downloads every dependency inside the build).
# Needs root (debootstrap, chroot, mounts). Installs podman/debootstrap from Debian when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.cache/image"
base_image=localhost/jre17:bookworm
jdk_image=localhost/jdk17:bookworm
image=localhost/interagency-intervention:verify
port="${VERIFY_IMAGE_PORT:-18080}"
keep=false
full=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    --full) full=true ;;
    *) echo "usage: $0 [--keep] [--full]" >&2; exit 2 ;;
  esac
done

started=$SECONDS
step_started=$SECONDS
declare -a timings=()
step() { echo; echo "==> $*"; step_started=$SECONDS; }
done_step() { timings+=("$(printf '%-34s %4ds' "$1" $((SECONDS - step_started)))"); }
fail() { echo "FAIL: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "run as root (debootstrap, chroot and bind mounts need it)"

step "Tools"
missing=()
for tool in podman debootstrap curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman debootstrap curl >/dev/null
fi
podman --version
done_step "tools"

# --- 1. Base image: debootstrap once, then reuse the tarball (a cold debootstrap takes minutes).
make_base() { # name packages tarball
  local name="$1" packages="$2" tarball="$3"
  if podman image exists "$name"; then
    echo "$name present in podman"
    return
  fi
  if [[ ! -s "$tarball" ]]; then
    local dir="$cache/rootfs-$(basename "$tarball" .tar)"
    rm -rf "$dir"
    debootstrap --variant=minbase --include="$packages" bookworm "$dir" http://deb.debian.org/debian >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log"; fail "debootstrap failed"; }
    # Package lists and caches only make the layer bigger.
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
    tar -C "$dir" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
    rm -rf "$dir"
  fi
  podman import --quiet "$tarball" "$name" >/dev/null
  echo "$name imported from $tarball"
}

mkdir -p "$cache"
step "Base image $base_image"
make_base "$base_image" openjdk-17-jre-headless,curl,ca-certificates "$cache/jre17-bookworm.tar"
done_step "base image"

# --- 2. Jar on the host (Maven Central is reachable here, Docker Hub is not), then the image.
step "Jar: ./mvnw -B -DskipTests package"
(cd "$root" && ./mvnw -q -B -DskipTests package)
ls "$root"/target/interagency-intervention-*.jar
done_step "jar (host maven)"

step "Image $image (podman build --target prebuilt)"
podman build --isolation=chroot --format docker --pull=never --target prebuilt \
  --build-arg BASE="$base_image" --build-arg BUILD_BASE="$base_image" \
  -t "$image" -f "$root/Dockerfile" "$root"
done_step "image build"

if $full; then
  step "Full multi-stage build (default target) on $jdk_image"
  make_base "$jdk_image" openjdk-17-jdk-headless,curl,ca-certificates "$cache/jdk17-bookworm.tar"
  # The host's certificate store goes into the build's RUN steps: where outgoing TLS is inspected by
  # a proxy, only the host trusts its CA, and the wrapper and Maven inside the build need it.
  podman build --isolation=chroot --format docker --pull=never --volume /etc/ssl/certs:/etc/ssl/certs:ro \
    --build-arg BASE="$base_image" --build-arg BUILD_BASE="$jdk_image" \
    -t localhost/interagency-intervention:verify-full -f "$root/Dockerfile" "$root"
  # The checks below then run against the image real users build.
  image=localhost/interagency-intervention:verify-full
  done_step "full multi-stage build"
fi

# --- 3. Image configuration.
step "Image configuration"
user="$(podman image inspect --format '{{.Config.User}}' "$image")"
echo "User: $user"
[[ -n "$user" ]] || fail "image has no USER; it would run as root"
uid="${user%%:*}"; gid="${user#*:}"; [[ "$gid" != "$user" ]] || gid="$uid"
[[ "$uid" =~ ^[0-9]+$ && "$uid" != 0 && "$gid" =~ ^[0-9]+$ ]] || fail "USER must be a numeric non-root uid:gid, is '$user'"
healthcheck="$(podman image inspect --format '{{json .Config.Healthcheck.Test}}' "$image")"
echo "Healthcheck: $healthcheck"
[[ "$healthcheck" == *CMD-SHELL* && "$healthcheck" == */actuator/health* ]] || fail "no HEALTHCHECK against /actuator/health (built without --format docker?)"
workdir="$(podman image inspect --format '{{.Config.WorkingDir}}' "$image")"
mapfile -t entrypoint < <(podman image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$image" | sed '/^$/d')
mapfile -t env < <(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image" | sed '/^$/d')
echo "Entrypoint: ${entrypoint[*]}  WorkingDir: $workdir"
printf '  %s\n' "${env[@]}"
done_step "inspect"

# --- 4. The image's file system, as a container would see it.
step "Export the image's file system"
rootfs="$cache/rootfs-verify"
container=""
cleanup() {
  set +e
  if [[ -n "${app_pid:-}" ]] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid"; fi
  for mount in "$rootfs/dev" "$rootfs/proc"; do mountpoint -q "$mount" && umount -l "$mount"; done
  [[ -n "$container" ]] && podman rm -f "$container" >/dev/null 2>&1
  $keep || rm -rf "$rootfs"
}
trap cleanup EXIT
rm -rf "$rootfs" && mkdir -p "$rootfs"
container="$(podman create "$image")"
podman export "$container" | tar -C "$rootfs" -xf -
for dir in processes forms; do
  path="$rootfs/opt/intervention/$dir"
  [[ -d "$path" ]] || fail "$dir/ is not in the image"
  diff -r --exclude=.gitkeep "$root/$dir" "$path" >/dev/null || fail "$dir/ in the image differs from the repository's"
  echo "$dir/ in the image: $(find "$path" -type f ! -name .gitkeep | wc -l) files"
done
data_owner="$(stat -c %u "$rootfs/opt/intervention/data")"
[[ "$data_owner" == "$uid" ]] || fail "data volume /opt/intervention/data is owned by uid $data_owner, not the image user $uid"
done_step "export"

# --- 5. Start with the image's entrypoint and environment as the image's user.
step "Start the app from the image (chroot --userspec=$uid:$gid, PORT=$port)"
mount --bind /proc "$rootfs/proc"
mount --bind /dev "$rootfs/dev"
admin_password="verify-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
log="$cache/app.log"
app_started=$SECONDS
# The image's own variables first, then what an operator passes with `docker run -e`.
chroot --userspec="$uid:$gid" "$rootfs" /usr/bin/env -i -C "$workdir" "${env[@]}" \
  HOME=/tmp PORT="$port" INTERVENTION_ADMIN_PASSWORD="$admin_password" INTERVENTION_MAIL_PORT=1 \
  INTERVENTION_CONFERENCE_PSEUDONYM_KEY="verify-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" \
  INTERVENTION_REMINDERS_TASKLIST_BASE_URL=https://intervention.example.nrw/camunda/app/tasklist/default \
  LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs \
  "${entrypoint[@]}" >"$log" 2>&1 &
app_pid=$!
health=""
for _ in $(seq 1 180); do
  kill -0 "$app_pid" 2>/dev/null || { tail -40 "$log"; fail "the app exited during startup"; }
  health="$(curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null || true)"
  [[ "$health" == *'"UP"'* ]] && break
  sleep 0.5
done
[[ "$health" == *'"UP"'* ]] || { tail -40 "$log"; fail "no healthy answer within 90 s"; }
startup=$((SECONDS - app_started))
echo "health: $health (after ${startup}s)"
grep -o 'Started InterventionApplication in [0-9.]* seconds[^)]*)' "$log" || fail "no startup line in the log"
ps -o user= -p "$(pgrep -P "$app_pid" java || echo "$app_pid")" | grep -qv '^root$' || fail "the app runs as root"
for probe in liveness readiness; do
  answer="$(curl -fsS "http://127.0.0.1:$port/actuator/health/$probe")" || fail "$probe probe not UP"
  echo "$probe: $answer"
done
done_step "startup to health UP"

step "Metrics and logs"
scrape="$(curl -fsS -u "admin:$admin_password" "http://127.0.0.1:$port/actuator/prometheus")" \
  || fail "/actuator/prometheus with the admin's credentials failed"
for metric in intervention_health_readiness intervention_jobs_acquirable intervention_metrics_refreshed_seconds; do
  grep -q "^$metric{" <<<"$scrape" || fail "$metric missing from /actuator/prometheus"
done
grep '^intervention_health_readiness{' <<<"$scrape"
# LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs: every line the app logs after startup is one JSON object.
grep -q '^{"@timestamp"' "$log" || { head -5 "$log"; fail "no JSON (ECS) log lines with LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs"; }
grep -m1 'Started InterventionApplication' "$log" | cut -c1-200
done_step "metrics and JSON logs"

step "HEALTHCHECK command inside the image"
healthcheck_cmd="$(podman image inspect --format '{{index .Config.Healthcheck.Test 1}}' "$image")"
chroot --userspec="$uid:$gid" "$rootfs" /usr/bin/env -i "${env[@]}" PORT="$port" /bin/sh -c "$healthcheck_cmd" \
  || fail "the HEALTHCHECK command failed against a healthy app"
echo "HEALTHCHECK passed: $healthcheck_cmd"
done_step "healthcheck"

step "Graceful stop (SIGTERM)"
kill -TERM "$app_pid"
stop_started=$SECONDS
wait "$app_pid" || true
app_pid=""
echo "stopped after $((SECONDS - stop_started))s"
grep -q 'Job executor stopped acquiring jobs' "$log" || { tail -20 "$log"; fail "the job executor was not stopped first"; }
grep -q 'Graceful shutdown complete' "$log" || { tail -20 "$log"; fail "no graceful web server shutdown in the log"; }
done_step "shutdown"

echo
echo "Image verified: $image ($(podman image inspect --format '{{.Size}}' "$image" | numfmt --to=iec) )"
printf '  %s\n' "${timings[@]}"
printf '  %-34s %4ds\n' "total" $((SECONDS - started))
