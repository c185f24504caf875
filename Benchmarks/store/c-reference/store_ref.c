/* Reference for B5/B6: the same number of rows, of the same sizes, in the same batches,
 * written through the SQLite C API with prepared statements, WAL and the same synchronous
 * level; then point reads by key. Prints "write <rows/s>" and "read <reads/s>".
 * usage: store_ref DB TRANSACTIONS ROWS_PER_TRANSACTION VALUE_BYTES SYNC(FULL|NORMAL) READS */
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

int main(int argc, char **argv) {
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
