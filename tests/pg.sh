# pg.sh: a private PostgreSQL cluster for the tests (sourced by tests/lib.sh).
#
# pg_start makes a cluster of its own: initdb into a fresh folder under
# /tmp, listening only on a Unix socket in that folder (listen_addresses ''),
# trust authentication on that socket (the folder is mode 0700: only its
# owner and root can reach it). As root the server runs as the 'postgres'
# system user the Debian package creates; as a normal user, as that user.
# pg_stop stops it and removes the folder; lib.sh's exit trap calls it.
#
#   pg_have            succeeds when the PostgreSQL server binaries are here
#   pg_start           start the cluster (PGDIR: its folder, PG_SUPER: the superuser)
#   pg_stop            stop and remove it
#   pg_uri DB [ROLE]   the libpq URI of database DB (as ROLE, default the superuser)
#   pg_createdb DB     a new empty database
#   pg_sql DB SQL      run SQL with psql, unaligned, tuples only

PG_BIN=
PGDIR=
PG_SUPER=
PG_OWNED=

pg_have() {
	for _d in /usr/lib/postgresql/*/bin; do
		if [ -x "$_d/initdb" ] && [ -x "$_d/pg_ctl" ] && [ -x "$_d/psql" ]; then
			PG_BIN=$_d
			return 0
		fi
	done
	return 1
}

# pg_as CMD...: run a server command as the cluster's owner.
pg_as() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pg_start() {
	pg_have || return 1
	PGDIR=$(mktemp -d /tmp/judge-pg.XXXXXX) || return 1
	PG_OWNED=1
	# a signal must reach the exit trap too, or the server outlives the test
	trap 'exit 143' TERM HUP
	trap 'exit 130' INT
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || { echo "pg.sh: no 'postgres' system user" >&2; return 1; }
		chown postgres: "$PGDIR"
		PG_SUPER=postgres
	else
		PG_SUPER=$(id -un)
	fi
	chmod 700 "$PGDIR"
	pg_as "$PG_BIN/initdb" -D "$PGDIR/data" -U "$PG_SUPER" --auth=trust \
		--no-sync -E UTF8 --locale=C >"$PGDIR/initdb.log" 2>&1 || {
		cat "$PGDIR/initdb.log" >&2; return 1; }
	pg_as "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
		-o "-c listen_addresses='' -c unix_socket_directories='$PGDIR' -c fsync=off \
		    -c max_connections=200" start >/dev/null 2>&1 || {
		cat "$PGDIR/server.log" >&2; return 1; }
	export PGHOST="$PGDIR"
}

# pg_restart_after S: stop the server now and start it again after S seconds
# (in the background), as a database that goes away for a while.
pg_pause() {
	pg_as "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
}
pg_resume() {
	pg_as "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
		-o "-c listen_addresses='' -c unix_socket_directories='$PGDIR' -c fsync=off \
		    -c max_connections=200" start >/dev/null 2>&1
}

pg_stop() {
	[ -n "$PG_OWNED" ] && [ -n "$PGDIR" ] || return 0
	pg_as "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$PGDIR"
	PG_OWNED=
}

pg_uri() {
	printf 'postgresql:///%s?host=%s&user=%s' "$1" "$PGDIR" "${2:-$PG_SUPER}"
}

pg_createdb() {
	"$PG_BIN/psql" -X -q -h "$PGDIR" -U "$PG_SUPER" -d postgres \
		-c "CREATE DATABASE \"$1\"" >/dev/null
}

pg_sql() {
	"$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$PGDIR" -U "$PG_SUPER" -d "$1" -c "$2"
}
