/*
 * Calls the C ABI of jiuzhu from 8 threads at once and checks that every answer equals the
 * answer computed on one thread first.
 *
 *     threads CASE.json [CASE.json ...]
 *
 * Each thread evaluates every case ROUNDS times, alternately with jz_evaluate (embedded rules)
 * and jz_evaluate_with on one shared JzRules handle. Exit status 0 when all answers match.
 *
 * Build: cc examples/c/threads.c -I ffi/include target/release/libjiuzhu.a -lpthread -lm -ldl -o threads
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jiuzhu.h"

#define THREADS 8
#define ROUNDS 4

struct shared {
    int cases;
    char **inputs;          /* case documents */
    char **expected;        /* single-threaded answers, owned by the library */
    const JzRules *rules;   /* one handle for every thread */
};

struct job {
    const struct shared *s;
    int mismatches;
};

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return NULL; }
    long size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return NULL; }
    char *buf = malloc((size_t)size + 1);
    if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf != NULL) buf[size] = '\0';
    return buf;
}

static void *work(void *arg) {
    struct job *job = arg;
    const struct shared *s = job->s;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < s->cases; i++) {
            char *answer = (r % 2 == 0) ? jz_evaluate(s->inputs[i], NULL)
                                        : jz_evaluate_with(s->rules, s->inputs[i]);
            if (answer == NULL || strcmp(answer, s->expected[i]) != 0) job->mismatches++;
            jz_free(answer);
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s CASE.json [CASE.json ...]\n", argv[0]);
        return 2;
    }
    struct shared s = { argc - 1, calloc((size_t)argc, sizeof(char *)),
                        calloc((size_t)argc, sizeof(char *)), NULL };
    int status = 0;
    if (s.inputs == NULL || s.expected == NULL) return 2;
    for (int i = 0; i < s.cases; i++) {
        s.inputs[i] = read_file(argv[i + 1]);
        if (s.inputs[i] == NULL) {
            fprintf(stderr, "cannot read %s\n", argv[i + 1]);
            status = 2;
            goto done;
        }
        s.expected[i] = jz_evaluate(s.inputs[i], NULL);
        if (s.expected[i] == NULL) { status = 2; goto done; }
    }
    char *error = NULL;
    JzRules *rules = jz_rules_load(NULL, &error);
    if (rules == NULL) {
        fprintf(stderr, "rules: %s\n", error != NULL ? error : "out of memory");
        jz_free(error);
        status = 2;
        goto done;
    }
    s.rules = rules;

    pthread_t threads[THREADS];
    struct job jobs[THREADS];
    int started = 0;
    for (int t = 0; t < THREADS; t++) {
        jobs[t].s = &s;
        jobs[t].mismatches = 0;
        if (pthread_create(&threads[t], NULL, work, &jobs[t]) != 0) {
            status = 2;
            break;
        }
        started++;
    }
    int mismatches = 0;
    for (int t = 0; t < started; t++) {
        pthread_join(threads[t], NULL);
        mismatches += jobs[t].mismatches;
    }
    jz_rules_free(rules);
    printf("%d threads x %d rounds x %d case(s): %d answer(s) differ from the single-threaded ones\n",
           started, ROUNDS, s.cases, mismatches);
    if (mismatches != 0 || started != THREADS) status = 1;

done:
    for (int i = 0; i < s.cases; i++) {
        free(s.inputs[i]);
        jz_free(s.expected[i]);
    }
    free(s.inputs);
    free(s.expected);
    return status;
}
