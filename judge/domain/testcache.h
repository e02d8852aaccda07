/* testcache.h: a worker's local copy of test data, keyed by content hash.
 *
 * A worker ('judge worker') grades jobs of problems whose tests live in a
 * shared database. The test list (db_problem_get) carries each test's hash
 * (db_test_hash: sha256 over "<len>:<input><len>:<answer>") but no data, so
 * a worker asks the server for the bytes only of the hashes it does not
 * hold yet: the second job on a problem fetches nothing, and a test whose
 * content changed has a new hash and is fetched again.
 *
 * The cache is the folder "tests" inside the compile cache's folder, in the
 * compile cache's format and rules (struct compile_cache: owned by the
 * effective user, nobody else may write it; LRU eviction under a size cap,
 * $JUDGE_TEST_CACHE_MAX_MB, default 1024; entries used in the last five
 * minutes are kept). An entry is a file named after the hash, mode 0600
 * (hidden tests stay hidden from the machine's other users), holding
 * exactly the bytes the hash covers; it is written to a temporary name and
 * renamed, so concurrent workers storing the same test both succeed and a
 * reader never sees half an entry. Bytes fetched from the database are
 * stored only when they hash to the listed hash. */
#ifndef JUDGE_DOMAIN_TESTCACHE_H
#define JUDGE_DOMAIN_TESTCACHE_H

#include "db/db.h"
#include "judge/domain/compile.h"
#include "lib/buf.h"

/* Open (create) the test cache inside the compile cache c: tc->dir is
 * "C/tests", tc->max_bytes from $JUDGE_TEST_CACHE_MAX_MB. Release tc with
 * compile_cache_release. 0, or -1 with err set. */
int testcache_open(struct compile_cache *tc, const struct compile_cache *c);

/* Test t's input and answer appended to in and ans (reset first): from the
 * cache when it holds t->hash (*fetched = 0), else from db (db_test_data)
 * and then stored (*fetched = 1). A cache that cannot be written does not
 * fail the read. Returns 0, DB_NOTFOUND, or -1 with err set (the database
 * failed, or its bytes do not have the listed hash: the test changed since
 * its problem was read). Thread-safe for distinct db, in and ans. */
int testcache_get(const struct compile_cache *tc, struct db *db, const struct db_test *t,
		  struct buf *in, struct buf *ans, int *fetched);

#endif
