/* Reference for B5/B6.
 *
 * Write mode: the same number of rows, of the same sizes, in the same batches, written through
 * the SQLite C API with prepared statements, WAL and the same synchronous level; then point
 * reads of those rows by key. Prints "write <rows/s>" and "read <reads/s>" (wall clock).
 * usage: store_ref DB TRANSACTIONS ROWS_PER_TRANSACTION VALUE_BYTES SYNC(FULL|NORMAL) READS
 *
 * Read mode (B6): the same point reads the Folio store makes, on Folio's own database file,
 * with the same SQL: KEYFILE holds the keys back to back, KEY_BYTES each (8 means a
 * little-endian integer bound as one, anything else a blob). Keys are drawn uniformly at random.
 * Each read steps the statement until its one row, touches the value's bytes and resets, in
 * autocommit (its own read transaction, as each Folio read is). Prints "read <reads per
 * CPU-second>" (CLOCK_PROCESS_CPUTIME_ID, as Folio's side is timed).
 * usage: store_ref --read DB SQL KEYFILE KEY_BYTES READS */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void key_for(long index, unsigned char key[32]) {
    unsigned long long x = (unsigned long long)index * 0x9E3779B97F4A7C15ULL + 1;
    for (int i = 0; i < 32; i++) { x ^= x >> 29; x *= 0xBF58476D1CE4E5B9ULL; key[i] = (unsigned char)(x >> 56); }
}

static double cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int read_mode(char **argv) {
    const char *sql = argv[3];
    long key_bytes = atol(argv[5]), reads = atol(argv[6]);
    FILE *file = fopen(argv[4], "rb");
    if (!file || key_bytes <= 0) { fprintf(stderr, "cannot read key file %s\n", argv[4]); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    long count = size / key_bytes;
    unsigned char *keys = malloc(size > 0 ? size : 1);
    if (count == 0 || fread(keys, 1, size, file) != (size_t)size) { fprintf(stderr, "empty key file\n"); return 1; }
    fclose(file);
    sqlite3 *db;
    if (sqlite3_open_v2(argv[2], &db, SQLITE_OPEN_READONLY, 0) != SQLITE_OK) return 1;
    sqlite3_stmt *select;
    if (sqlite3_prepare_v2(db, sql, -1, &select, 0) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
        return 1;
    }
    unsigned long long x = 7, touched = 0;
    long found = 0;
    double start = cpu_now();
    for (long i = 0; i < reads; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        const unsigned char *key = keys + ((x >> 33) % count) * key_bytes;
        if (key_bytes == 8) {
            long long value = 0;
            for (int b = 7; b >= 0; b--) value = (value << 8) | key[b];
            sqlite3_bind_int64(select, 1, value);
        } else {
            sqlite3_bind_blob(select, 1, key, (int)key_bytes, SQLITE_STATIC);
        }
        if (sqlite3_step(select) == SQLITE_ROW) {
            const unsigned char *value = sqlite3_column_blob(select, 0);
            int bytes = sqlite3_column_bytes(select, 0);
            if (value && bytes > 0) { found++; touched += value[0] + value[bytes - 1]; }
        }
        sqlite3_reset(select);
    }
    double seconds = cpu_now() - start;
    printf("read %.0f\n", (double)reads / seconds);
    if (found != reads) { fprintf(stderr, "lost rows (%llu)\n", touched); return 1; }
    sqlite3_close(db);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 7 && strcmp(argv[1], "--read") == 0) return read_mode(argv);
    if (argc != 7) { fprintf(stderr, "usage: store_ref DB TXS ROWS VALUE_BYTES SYNC READS\n"); return 2; }
    long txs = atol(argv[2]), rows = atol(argv[3]), value_bytes = atol(argv[4]), reads = atol(argv[6]);
    sqlite3 *db;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
    char pragma[128];
    snprintf(pragma, sizeof pragma, "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s;", argv[5]);
    sqlite3_exec(db, pragma, 0, 0, 0);
    sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS t(k BLOB PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;", 0, 0, 0);
    sqlite3_stmt *insert, *select;
    sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO t(k, v) VALUES (?, ?)", -1, &insert, 0);
    sqlite3_prepare_v2(db, "SELECT v FROM t WHERE k = ?", -1, &select, 0);
    unsigned char key[32];
    unsigned char *value = malloc(value_bytes > 0 ? value_bytes : 1);
    memset(value, 0xAB, value_bytes);
    double start = now();
    long index = 0;
    for (long t = 0; t < txs; t++) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
        for (long r = 0; r < rows; r++, index++) {
            key_for(index, key);
            sqlite3_bind_blob(insert, 1, key, 32, SQLITE_STATIC);
            sqlite3_bind_blob(insert, 2, value, (int)value_bytes, SQLITE_STATIC);
            if (sqlite3_step(insert) != SQLITE_DONE) return 1;
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", 0, 0, 0);
    }
    double wrote = now() - start;
    printf("write %.0f\n", (double)(txs * rows) / wrote);
    unsigned long long x = 7;
    long found = 0;
    start = now();
    for (long i = 0; i < reads; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        key_for((long)(x >> 33) % index, key);
        sqlite3_bind_blob(select, 1, key, 32, SQLITE_STATIC);
        if (sqlite3_step(select) == SQLITE_ROW) found += sqlite3_column_bytes(select, 0) > 0;
        sqlite3_reset(select);
    }
    printf("read %.0f\n", (double)reads / (now() - start));
    if (found != reads) { fprintf(stderr, "lost rows\n"); return 1; }
    sqlite3_close(db);
    return 0;
}
