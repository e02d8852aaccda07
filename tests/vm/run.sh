#!/bin/sh
# tests/vm/run.sh [test|bench]: the sandbox on a host we don't have. Boots
# Debian's own kernel (linux-image-amd64, 6.1) in QEMU with cgroup v1 off
# (cgroup_no_v1=all: a pure v2 hierarchy, as on Debian 12, Ubuntu 22.04+,
# Fedora and Arch), the host's / shared read-only over 9p under a tmpfs
# overlay, and runs what was built here (`make test-vm`: the sandbox unit
# tests, the measurement tests and the hostile battery as root and as a
# normal user in a delegated subtree, and `judge doctor` in each host kind;
# `make bench-sandbox-vm`: the sandbox benchmark). Nothing is built in the VM.
#
# The kernel package is downloaded and unpacked into build/vm (not
# installed: its postinst would build an initramfs we don't need, minutes
# for nothing). KVM when /dev/kvm is usable, otherwise TCG. The verdict
# comes from the serial log: the last "vm: N passed, N failed, N skipped".
set -u
cd "$(dirname "$0")/../.." || exit 3
ROOT=$(pwd)
MODE=${1:-test}
BUILD=${BUILD:-build/out}
VM="$ROOT/build/vm"
mkdir -p "$VM" || exit 3
say() { echo "test-vm: $*"; }
die() { echo "test-vm: error: $*" >&2; exit 3; }

# --- the kernel -------------------------------------------------------------
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
if [ -z "$kpkg" ] && [ "$(id -u)" -eq 0 ]; then
	DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1
	kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
		awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
fi
[ -n "$kpkg" ] || die "apt knows no linux-image-amd64 (run: sudo apt-get update)"
kver=${kpkg#linux-image-}
KDIR="$VM/kernel-$kver"
if [ ! -f "$KDIR/vmlinuz" ]; then
	say "fetching $kpkg"
	rm -rf "$KDIR.tmp" && mkdir -p "$KDIR.tmp" || exit 3
	chmod 777 "$KDIR.tmp"       # apt's download user writes here
	(cd "$KDIR.tmp" && apt-get download -q "$kpkg" >/dev/null 2>&1) ||
		die "cannot download $kpkg"
	dpkg-deb -x "$KDIR.tmp"/*.deb "$KDIR.tmp/x" || die "cannot unpack $kpkg"
	mkdir -p "$KDIR.tmp/modules" &&
	cp "$KDIR.tmp/x/boot/vmlinuz-$kver" "$KDIR.tmp/vmlinuz" || exit 3
	# virtio and 9p for the host's /, overlay for a writable view of it
	for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev \
		virtio_pci 9pnet 9pnet_virtio netfs fscache 9p overlay; do
		f=$(find "$KDIR.tmp/x/lib/modules" -name "$m.ko*" | head -n 1)
		case "$f" in
		*.ko) cp "$f" "$KDIR.tmp/modules/$m.ko" ;;
		*.ko.xz) xz -dc "$f" > "$KDIR.tmp/modules/$m.ko" ;;
		*.ko.zst) zstd -qdc "$f" > "$KDIR.tmp/modules/$m.ko" ;;
		*) die "module $m not found in $kpkg" ;;
		esac || exit 3
		echo "$m" >> "$KDIR.tmp/modules/order"
	done
	rm -rf "$KDIR.tmp/x" "$KDIR.tmp"/*.deb "$KDIR"
	mv "$KDIR.tmp" "$KDIR" || exit 3
fi

# --- the initramfs: busybox, the modules, /init ----------------------------
BB=$(command -v busybox) || die "busybox-static is not installed (make test-vm installs it)"
S="$VM/stage"
rm -rf "$S" && mkdir -p "$S/bin" "$S/dev" "$S/proc" "$S/sys" "$S/newroot" "$S/lower" \
	"$S/rw" "$S/modules" "$S/etc" || exit 3
cp "$BB" "$S/bin/busybox" && ln -s busybox "$S/bin/sh" || exit 3
cp "$KDIR"/modules/* "$S/modules/" && cp "$ROOT/tests/vm/init" "$S/init" || exit 3
chmod 755 "$S/init"
# what the VM runs: the project (its path is the same in the VM) and how
cat > "$S/etc/plan" <<EOF
ROOT='$ROOT'
BUILD='$BUILD'
MODE='$MODE'
${VM_TESTS:+VM_TESTS='$VM_TESTS'}
EOF
(cd "$S" && find . | "$BB" cpio -o -H newc 2>/dev/null | gzip -1) > "$VM/initramfs.gz" ||
	die "cannot pack the initramfs"

# --- boot -------------------------------------------------------------------
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	accel=kvm; cpu=host
else
	# la57 off: 4-level paging, noticeably faster exec under TCG
	accel=tcg; cpu=max,la57=off
fi
LOG="$VM/serial-$MODE.log"
say "booting $kver under $accel (log: ${LOG#"$ROOT"/})"
start=$(date +%s)
timeout "${VM_TIMEOUT:-900}" qemu-system-x86_64 -accel "$accel" -cpu "$cpu" \
	-smp "${VM_SMP:-2}" -m "${VM_MEM:-4096}" -display none -monitor none \
	-serial stdio -no-reboot -nic none \
	-kernel "$KDIR/vmlinuz" -initrd "$VM/initramfs.gz" \
	-append "console=ttyS0 quiet panic=-1 cgroup_no_v1=all" \
	-virtfs local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap \
	</dev/null 2>&1 | tee "$LOG" | grep --line-buffered -E '^(vm|t[0-9]|unit|  |failing|doctor|bench|sandbox|fork)'

say "qemu ran $(( $(date +%s) - start )) s"
summary=$(grep -E '^vm: [0-9]+ passed, [0-9]+ failed' "$LOG" | tail -n 1)
if [ -z "$summary" ]; then
	tail -n 30 "$LOG"
	die "the VM ended without a summary (see ${LOG#"$ROOT"/})"
fi
echo "${summary#vm: }"
case "$summary" in *" 0 failed"*) exit 0 ;; esac
exit 1
