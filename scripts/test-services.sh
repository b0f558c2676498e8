#!/usr/bin/env bash
# What the tests need from the machine, in one place (`pnpm test` and .ci/run call it first):
#   - Debian packages: Chromium (browser tests), dovecot-imapd (IMAP), nginx and HAProxy (proxy
#     tests), PostgreSQL and Redis (cluster mode), openssl (throwaway certificates). Installed with
#     apt-get when missing (as root; otherwise it says what to install and stops).
#   - PostgreSQL and Redis running on 127.0.0.1, started when they are down.
# Idempotent, and a few milliseconds when everything is there. It never stops anything.
set -euo pipefail

missing=()
want() { [ -e "$2" ] || missing+=("$1"); }
want chromium /usr/bin/chromium
want dovecot-imapd /usr/lib/dovecot/imap
want nginx /usr/sbin/nginx
want haproxy /usr/sbin/haproxy
want postgresql /usr/bin/pg_ctlcluster
want redis-server /usr/bin/redis-server
want redis-tools /usr/bin/redis-cli
want openssl /usr/bin/openssl

fresh_postgresql=0
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "test-services: missing Debian packages: ${missing[*]}" >&2
    echo "  install them once: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  [[ " ${missing[*]} " == *" postgresql "* ]] && fresh_postgresql=1
  echo "test-services: installing ${missing[*]}" >&2
  # Installing must not start nginx, dovecot or HAProxy as system services (tests run their own).
  policy=/usr/sbin/policy-rc.d
  made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ "$made_policy" = 1 ] && rm -f "$policy"
fi

# PostgreSQL: the newest installed cluster named main.
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if [ "$fresh_postgresql" = 1 ]; then
    # A CI machine's fresh cluster: the tests connect as postgres from loopback without a password.
    hba=/etc/postgresql/$version/main/pg_hba.conf
    sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "test-services: PostgreSQL $version did not start" >&2; exit 1; }
fi

# Redis: no persistence, loopback only.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "test-services: Redis did not start (see /var/log/redis/ci.log)" >&2; exit 1; }
fi
