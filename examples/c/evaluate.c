/*
 * Evaluates one household file through the C ABI of jiuzhu.
 *
 *     evaluate CASE.json [RULES.toml]
 *
 * Prints the JSON answer on stdout, exactly as jiuzhu::evaluate_json writes it (plus a newline),
 * and a one-line summary per programme (outcome and monthly amount) on stderr. With RULES, the
 * parameter document is loaded once with jz_rules_load and the case is evaluated with
 * jz_evaluate_with. Exit status: 0 for an "ok" answer, 3 for an "error" answer, 2 when a file
 * cannot be read (1 is left to valgrind's --error-exitcode=1).
 *
 * Build (from the repository root, after `cargo build --release -p jiuzhu-ffi`):
 *     cc examples/c/evaluate.c -I ffi/include target/release/libjiuzhu.a -lpthread -lm -ldl -o evaluate
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jiuzhu.h"

/* Reads a whole file into a NUL-terminated buffer the caller frees; NULL on failure. */
static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) break;
        if (len + 1 == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (buf == NULL || failed) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

/* Copies the JSON string value that starts at p (just after its opening quote) into out. */
static const char *copy_value(const char *p, char *out, size_t cap) {
    size_t i = 0;
    while (*p != '\0' && *p != '"') {
        if (i + 1 < cap) out[i++] = *p;
        p++;
    }
    out[i] = '\0';
    return p;
}

/*
 * Prints "programme: outcome, amount" for each programme of an "ok" answer, and the one-off
 * amount of temporary relief (granted, or proposed under review) when there is one. The
 * answer's field order is fixed (programme, outcome, monthly_amount, …, one_off_amount last), so
 * a plain scan is enough for a summary; a real client would use a JSON parser.
 */
static void summarise(const char *answer) {
    static const char KEY[] = "{\"programme\":\"";
    static const char OUTCOME[] = ",\"outcome\":\"";
    static const char AMOUNT[] = ",\"monthly_amount\":\"";
    static const char ONE_OFF[] = "],\"one_off_amount\":\"";
    const char *p = answer;
    while ((p = strstr(p, KEY)) != NULL) {
        char programme[64], outcome[64], amount[64] = "-", one_off[64] = "";
        p = copy_value(p + sizeof KEY - 1, programme, sizeof programme);
        if (*p == '"') p++;
        if (strncmp(p, OUTCOME, sizeof OUTCOME - 1) != 0) continue;
        p = copy_value(p + sizeof OUTCOME - 1, outcome, sizeof outcome);
        if (*p == '"') p++;
        if (strncmp(p, AMOUNT, sizeof AMOUNT - 1) == 0) {
            p = copy_value(p + sizeof AMOUNT - 1, amount, sizeof amount);
        }
        /* the one-off amount belongs to this programme if it comes before the next one */
        const char *next = strstr(p, KEY);
        const char *o = strstr(p, ONE_OFF);
        if (o != NULL && (next == NULL || o < next)) {
            copy_value(o + sizeof ONE_OFF - 1, one_off, sizeof one_off);
        }
        if (one_off[0] != '\0') {
            fprintf(stderr, "%s: %s, one-off amount %s yuan\n", programme, outcome, one_off);
        } else {
            fprintf(stderr, "%s: %s, monthly amount %s yuan\n", programme, outcome, amount);
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s CASE.json [RULES.toml]\n", argv[0]);
        return 2;
    }
    char *case_json = read_file(argv[1]);
    if (case_json == NULL) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    char *answer;
    if (argc == 3) {
        char *rules_text = read_file(argv[2]);
        if (rules_text == NULL) {
            fprintf(stderr, "cannot read %s\n", argv[2]);
            free(case_json);
            return 2;
        }
        char *error = NULL;
        JzRules *rules = jz_rules_load(rules_text, &error);
        free(rules_text);
        if (rules == NULL) {
            /* The error answer is owned by us: print it, then free it. */
            printf("%s\n", error != NULL ? error : "{\"error\":{\"code\":\"out_of_memory\"}}");
            jz_free(error);
            free(case_json);
            return 3;
        }
        answer = jz_evaluate_with(rules, case_json);
        jz_rules_free(rules);
    } else {
        answer = jz_evaluate(case_json, NULL);
    }
    free(case_json);
    if (answer == NULL) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    printf("%s\n", answer);
    fprintf(stderr, "%s\n", jz_version());
    summarise(answer);
    int ok = strncmp(answer, "{\"ok\":", 6) == 0;
    jz_free(answer);
    return ok ? 0 : 3;
}
