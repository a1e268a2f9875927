#!/usr/bin/env bash
# Puts Node 22 (what the bundled Salesforce CLI declares in its `engines`) into a folder outside the repo
# and prints that folder's bin/, for machines whose package manager ships an older Node. The binary comes
# from the npm registry's node-linux-<arch> package, so it needs nothing but npm and the registry.
#   scripts/install-node22.sh [DIR]      (DIR defaults to $KEYSTONE_NODE_DIR or /opt/keystone-node22)
#   export PATH="$(scripts/install-node22.sh):$PATH"
set -euo pipefail

version="${KEYSTONE_NODE_VERSION:-22.23.5}"
dir="${1:-${KEYSTONE_NODE_DIR:-/opt/keystone-node22}}"

if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version)" = "v$version" ]; then
    echo "$dir/bin"
    exit 0
fi

case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *)
        echo "install-node22: no node-linux package for $(uname -m); install Node $version yourself" >&2
        exit 1
        ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# npm pack checks the tarball against the registry's integrity hash before writing it.
(cd "$work" && npm pack "node-linux-$arch@$version" --silent >/dev/null)
tar -xzf "$work"/node-linux-"$arch"-"$version".tgz -C "$work"
mkdir -p "$dir"
rm -rf "${dir:?}/bin" "${dir:?}/include" "${dir:?}/share"
cp -R "$work/package/." "$dir/"
"$dir/bin/node" --version >/dev/null
echo "install-node22: Node $("$dir/bin/node" --version) in $dir/bin (npm and npx run on it when it is first on PATH)" >&2
echo "$dir/bin"
