#!/usr/bin/env bash
source "$(dirname "$0")/common.sh"
die "make demo: not yet written"
