#!/usr/bin/env bash
# A throwaway Dovecot IMAP server for the mail tests, run as root on 127.0.0.1.
#   .ci/dovecot.sh start <dir> <port>   → prints nothing; user "helpdesk" / password "helpdesk-imap"
#   .ci/dovecot.sh stop <dir>
set -euo pipefail
cmd=$1 dir=$2
case "$cmd" in
start)
  port=$3
  mkdir -p "$dir/run" "$dir/mail/helpdesk"
  # Dovecot's auth and mail processes run as nobody: they must traverse the directory
  # (mktemp -d makes it 0700, which CI uses).
  chmod 755 "$dir"
  chown -R nobody "$dir/mail"
  echo "helpdesk:{PLAIN}helpdesk-imap:65534:65534::$dir/mail/helpdesk" >"$dir/users"
  cat >"$dir/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = nobody
default_internal_user = nobody
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = $dir/users
}
userdb {
  driver = passwd-file
  args = $dir/users
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-writer {
    user = nobody
  }
}
CONF
  dovecot -c "$dir/dovecot.conf"
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && exit 0
    sleep 0.1
  done
  echo "dovecot did not start; log:" >&2; cat "$dir/dovecot.log" >&2 || true; exit 1
  ;;
stop)
  [ -f "$dir/run/master.pid" ] && kill "$(cat "$dir/run/master.pid")" 2>/dev/null || true
  ;;
esac
