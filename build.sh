#!/usr/bin/env bash
# Numbana's one command: installs what is missing (libLLVM 19, the Cake tool), then runs a target
# of build.cake. Examples:
#   ./build.sh --target=Demo      the sample: compiles kernels and shows the speed-ups
#   ./build.sh --target=Test      all tests; ends with the line "N passed, N failed, N skipped"
#   ./build.sh                    builds the solution (Release)
# Every argument goes on to Cake (--target=..., --filter=..., --configuration=..., --verbosity=...).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1
# Cake keeps the compiled build.cake under tools/cache (ignored by git): later runs start faster.
export CAKE_SETTINGS_ENABLESCRIPTCACHE="${CAKE_SETTINGS_ENABLESCRIPTCACHE:-true}"
# No colour codes when the output goes to a file or a CI log.
if [[ ! -t 1 ]]; then export NO_COLOR="${NO_COLOR:-1}"; fi

say() { echo "build.sh: $*" >&2; }

# --- libLLVM 19 -----------------------------------------------------------------------------
# True when libLLVM 19 is installed where the dynamic loader (or Numbana's loader) finds it.
have_llvm() {
    local ldconfig
    ldconfig="$(command -v ldconfig || true)"
    [[ -z "$ldconfig" && -x /sbin/ldconfig ]] && ldconfig=/sbin/ldconfig
    # grep without -q reads all of ldconfig's output: with pipefail, -q could make ldconfig die of SIGPIPE.
    if [[ -n "$ldconfig" ]] && "$ldconfig" -p 2>/dev/null | grep 'libLLVM\.so\.19\|libLLVM-19\.so' >/dev/null; then
        return 0
    fi
    local f
    for f in /usr/lib/*/libLLVM.so.19* /usr/lib/*/libLLVM-19.so* /usr/lib/llvm-19/lib/libLLVM*.so* /usr/lib64/libLLVM.so.19* /usr/lib64/libLLVM-19.so*; do
        [[ -e "$f" ]] && return 0
    done
    return 1
}

ensure_llvm() {
    if [[ -n "${NUMBANA_LLVM_PATH:-}" ]]; then
        [[ -f "$NUMBANA_LLVM_PATH" ]] && return 0
        # Numbana's loader also accepts a folder that holds the library.
        [[ -d "$NUMBANA_LLVM_PATH" ]] && compgen -G "$NUMBANA_LLVM_PATH/libLLVM*" >/dev/null && return 0
        say "NUMBANA_LLVM_PATH='$NUMBANA_LLVM_PATH' is neither a libLLVM file nor a folder holding one; looking in the system."
    fi
    have_llvm && return 0

    if ! command -v apt-get >/dev/null 2>&1; then
        say "libLLVM 19 is missing. Install LLVM 19's shared library (libLLVM.so.19*) with your system's"
        say "package manager, or set NUMBANA_LLVM_PATH to the full path of a libLLVM 19 shared library."
        exit 1
    fi
    if [[ "$(id -u)" -ne 0 ]]; then
        say "libLLVM 19 is missing. Install it with:"
        echo "  sudo apt-get update && sudo apt-get install -y libllvm19" >&2
        say "then run ./build.sh again (or set NUMBANA_LLVM_PATH to an existing libLLVM 19)."
        exit 1
    fi

    say "installing libLLVM 19 (apt-get install libllvm19)..."
    local log
    log="$(mktemp)"
    if ! (export DEBIAN_FRONTEND=noninteractive
          apt-get update -q && apt-get install -y -q --no-install-recommends libllvm19) >"$log" 2>&1 </dev/null; then
        tail -n 20 "$log" >&2
        rm -f "$log"
        say "could not install libllvm19 with apt-get. Install LLVM 19's shared library another way and"
        say "set NUMBANA_LLVM_PATH to its full path."
        exit 1
    fi
    rm -f "$log"
    if ! have_llvm; then
        say "libllvm19 was installed but libLLVM 19 is still not found; set NUMBANA_LLVM_PATH to its full path."
        exit 1
    fi
}

# --- .NET SDK ---------------------------------------------------------------------------------
ensure_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1 && [[ -x "$HOME/.dotnet/dotnet" ]]; then
        export DOTNET_ROOT="$HOME/.dotnet"
        export PATH="$HOME/.dotnet:$PATH"
    fi
    if ! command -v dotnet >/dev/null 2>&1; then
        say "'dotnet' was not found. Install the .NET 10 SDK (the 'dotnet-sdk-10.0' package where your"
        say "distribution has it, or from https://dotnet.microsoft.com/download/dotnet/10.0) and put 'dotnet' on PATH."
        exit 1
    fi
    if ! dotnet --list-sdks 2>/dev/null | grep '^10\.' >/dev/null; then
        say "the .NET 10 SDK is required; 'dotnet --list-sdks' shows:"
        dotnet --list-sdks >&2 || true
        say "install it from https://dotnet.microsoft.com/download/dotnet/10.0 (or your distribution's dotnet-sdk-10.0)."
        exit 1
    fi
}

ensure_llvm
ensure_dotnet

# --- Cake ---------------------------------------------------------------------------------------
restore_log="$(mktemp)"
if ! dotnet tool restore >"$restore_log" 2>&1; then
    cat "$restore_log" >&2
    rm -f "$restore_log"
    say "'dotnet tool restore' failed (it installs Cake, listed in dotnet-tools.json)."
    exit 1
fi
rm -f "$restore_log"

exec dotnet tool run dotnet-cake -- build.cake "$@"
