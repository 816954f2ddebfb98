#!/usr/bin/env bash
# Prints the path of a Rust 1.85 compiler (the crate's rust-version), for
# `RUSTC="$(bash .ci/rust-1.85.sh)" cargo check --locked ...` with the machine's own cargo.
#
# In order: a rustup toolchain `1.85` if one is installed; else Debian bookworm's rustc
# 1.85 packages, fetched by name and pinned version with `apt-get download` and unpacked
# with `dpkg -x` into a cache folder (no root install, nothing from anywhere but the
# machine's apt sources), behind a wrapper that sets LD_LIBRARY_PATH for their libraries.
# rustup cannot download toolchains on every machine; Debian has 1.85 and never 1.88.
#
# Exits 1, saying why on stderr, when neither can be had. Environment:
#   RUST_1_85_DIR  where the packages are unpacked (default ~/.cache/msdk-error-codes/rust-1.85)
set -euo pipefail

want=1.85.0
# Debian's versions: rustc-web and its std at 1.85, and the LLVM it links to.
rust_deb=1.85.0+dfsg3-1~deb12u3
llvm_deb=1:19.1.7-3~deb12u1
packages=(
    "rustc-web=$rust_deb"
    "libstd-rust-web-1.85=$rust_deb"
    "libstd-rust-web-dev=$rust_deb"
    "libllvm19=$llvm_deb"
)

say() { echo "rust-1.85: $*" >&2; }

# The release a rustc reports, or nothing if it does not run.
release() { "$1" -vV 2>/dev/null | sed -n 's/^release: //p'; }

if command -v rustup >/dev/null 2>&1; then
    # Only one that is installed: rustup must not try to download it.
    if rustc=$(RUSTUP_AUTO_INSTALL=0 rustup which rustc --toolchain 1.85 2>/dev/null) && [[ "$(release "$rustc")" == "$want" ]]; then
        say "rustup's toolchain 1.85"
        echo "$rustc"
        exit 0
    fi
fi

dir=${RUST_1_85_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/msdk-error-codes/rust-1.85}
wrapper=$dir/rustc
if [[ -x "$wrapper" && "$(release "$wrapper")" == "$want" ]]; then
    say "Debian's rustc $rust_deb, unpacked earlier in $dir"
    echo "$wrapper"
    exit 0
fi

for tool in apt-get dpkg; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        say "no $tool on this machine: cannot fetch Debian's rustc $rust_deb"
        exit 1
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# apt-get download puts the .debs in the current folder and needs no root; it fails if
# apt's package lists do not know the pinned versions (never updated, or moved on).
# As root, apt drops to its sandbox user, who cannot write to a private temp folder;
# say so up front rather than have apt warn that it downloads as root.
apt_options=()
if [[ $(id -u) == 0 ]]; then
    apt_options=(-o APT::Sandbox::User=root)
fi
download() { (cd "$tmp" && apt-get download -q "${apt_options[@]}" "${packages[@]}") >&2; }
if ! download; then
    if [[ $(id -u) == 0 ]]; then
        say "updating apt's package lists, then trying again"
        apt-get update -q >&2 || true
    fi
    if ! download; then
        say "cannot download ${packages[*]} with apt-get"
        exit 1
    fi
fi

# Unpack next to the final folder, then move it in place: a half-unpacked tree is never
# taken for a working one.
mkdir -p "$(dirname "$dir")"
staging=$(mktemp -d "$dir.XXXXXX")
for deb in "$tmp"/*.deb; do
    dpkg -x "$deb" "$staging/root"
done
lib=$staging/root/usr/lib/x86_64-linux-gnu
cat >"$staging/rustc" <<WRAPPER
#!/usr/bin/env bash
# Debian's rustc $rust_deb, unpacked by .ci/rust-1.85.sh: its libraries are not installed.
export LD_LIBRARY_PATH="${lib/$staging/$dir}\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
exec "${staging/$staging/$dir}/root/usr/bin/rustc" "\$@"
WRAPPER
chmod +x "$staging/rustc"
rm -rf "$dir"
mv "$staging" "$dir"
if [[ "$(release "$wrapper")" != "$want" ]]; then
    say "the unpacked rustc in $dir does not run as $want"
    exit 1
fi
say "Debian's rustc $rust_deb, unpacked in $dir"
echo "$wrapper"
