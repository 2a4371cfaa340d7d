#!/bin/sh
# Regenerate the .xls test data: the shared XLSX fixtures saved as Excel 97-2003 by LibreOffice.
# Run from the repository root: sh tests/data/xls/make.sh
# (LibreOffice runs with its own throwaway profile so that a running instance does not interfere.)
set -eu
here=$(dirname "$0")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for xlsx in tests/data/fixtures/*.xlsx; do
    soffice -env:UserInstallation="file://$profile" --headless --convert-to xls \
        --outdir "$here" "$xlsx"
done
