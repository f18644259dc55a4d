# shellcheck shell=bash
# Fresh filesystems for timed runs. Needs common.sh. Sourced, not executed.
#
# Why: on one long-lived ext4, writing 20,000 files right after deleting the previous run's
# 20,000 files varies wildly (even `tar -x`: 1.3 s to 24 s here; ext4 does not reuse recently
# freed inodes at once, and the journal is still busy with the deletion), so figures depend on
# what ran before, not on the tool. Each timed run instead writes onto a new, empty ext4 of
# its own: a sparse image file beside the mount point, `mkfs.ext4` (lazy inode tables and
# journal: milliseconds, no zeroing), `mount -o loop`. All of that is untimed. Afterwards the
# filesystem is unmounted and its image file deleted: deleting one big file is cheap for the
# work dir's filesystem (a few extents, one inode), unlike deleting a tree of 20,000 files.

FRESHFS_SIZE=6G   # apparent size of each image; only the blocks written take disk space
FRESHFS_MOUNTS=() # mount points made by fresh_fs and not dropped yet (for the clean-up)

# fresh_fs DIR: replace whatever is at DIR by a new empty ext4 mounted there.
fresh_fs() {
    local dir=$1 img=$1.img
    drop_fs "$dir" || return 1
    rm -rf "$dir" "$img"
    mkdir -p "$dir" || return 1
    truncate -s "$FRESHFS_SIZE" "$img" || return 1
    # lazy_*_init: do not zero the inode tables and journal now (mkfs on 6 GiB takes ~30 ms);
    # noinit_itable: and do not let the kernel's ext4lazyinit thread zero them in the
    # background during a timed run. Both only matter for crash recovery: this fs is thrown away.
    mkfs.ext4 -q -F -E lazy_itable_init=1,lazy_journal_init=1 "$img" >&2 || { rm -f "$img"; return 1; }
    if ! mount -o loop,noinit_itable "$img" "$dir" >&2; then
        rm -f "$img"
        return 1
    fi
    FRESHFS_MOUNTS+=("$dir")
}

# drop_fs DIR: unmount the fresh fs at DIR (and anything mounted below it, e.g. a leftover
# overlay), delete its image file and the mount point. Nothing there is fine.
drop_fs() {
    local dir=$1 i m rest=()
    if mountpoint -q "$dir" 2>/dev/null; then
        # Mounts below DIR first (deepest first), then DIR itself; the loop device goes away
        # with the last unmount (mount -o loop sets autoclear).
        awk -v d="$(realpath -m "$dir")/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r |
            while read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || warn "could not unmount $m"; done
        # A daemon that just exited may hold it for a moment longer (dockerd's containerd).
        for ((i = 0; i < 20; i++)); do
            umount "$dir" 2>/dev/null && break
            sleep 0.25
        done
        if mountpoint -q "$dir"; then
            warn "$dir still busy after 5 s: lazy unmount"
            umount -l "$dir" || { warn "could not unmount $dir"; return 1; }
        fi
    fi
    for m in "${FRESHFS_MOUNTS[@]}"; do [[ $m == "$dir" ]] || rest+=("$m"); done
    FRESHFS_MOUNTS=("${rest[@]}")
    rm -f "$dir.img"
    [[ ! -d $dir ]] || rmdir "$dir" 2>/dev/null || rm -rf "$dir"
}

# drop_all_fs: the clean-up (also on error or interrupt). With KEEP set, unmount but keep
# the image files: `mount -o loop DIR.img DIR` shows their content again.
drop_all_fs() {
    local m
    for m in "${FRESHFS_MOUNTS[@]}"; do
        if [[ -n ${KEEP:-} ]]; then
            umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || warn "could not unmount $m"
        else
            drop_fs "$m"
        fi
    done
    FRESHFS_MOUNTS=()
}

# freshfs_check DIR: make and drop one fresh fs, or fail with the reason (no loop devices in
# a container, no mkfs.ext4, ...), before anything is measured.
freshfs_check() {
    local dir=$1 err
    ensure_cmd mkfs.ext4 e2fsprogs
    err=$(fresh_fs "$dir" 2>&1 && touch "$dir/probe" 2>&1) ||
        die "cannot make a fresh filesystem for the timed runs (sparse image + mkfs.ext4 + mount -o loop): ${err:-failed}"
    drop_fs "$dir"
    log "fresh filesystems: ok (ext4 on a $FRESHFS_SIZE sparse image, mount -o loop, one per timed run)"
}
