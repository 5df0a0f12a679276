/*
 * Walks the error paths of the C ABI of jiuzhu: every bad input must give an error answer
 * (never a crash) that is freed like any other answer. Run under valgrind by the tests:
 *
 *     valgrind --leak-check=full --error-exitcode=1 ./error_paths
 *
 * Exit status 0 when every call answered as expected, 1 otherwise.
 */
#include <stdio.h>
#include <string.h>

#include "jiuzhu.h"

static int failures = 0;

/* Checks that an owned answer is an error with the given code, then frees it. */
static void expect_error(const char *what, char *answer, const char *code) {
    char want[96];
    snprintf(want, sizeof want, "{\"error\":{\"code\":\"%s\"", code);
    if (answer == NULL || strncmp(answer, want, strlen(want)) != 0) {
        fprintf(stderr, "FAIL %s: %s\n", what, answer != NULL ? answer : "(NULL)");
        failures++;
    } else {
        printf("%s -> %s\n", what, answer);
    }
    jz_free(answer);
}

int main(void) {
    static const char CASE[] =
        "{\"evaluation_date\":\"2026-11-01\",\"jurisdiction\":\"621027\","
        "\"purpose\":\"new_application\",\"area\":\"urban\",\"household\":{\"members\":["
        "{\"key\":\"m1\",\"relation\":\"applicant\",\"birth_date\":\"1978-04-12\"}]}}";
    static const char NOT_UTF8[] = "{\"evaluation_date\": \"\xff\xfe\"}";
    static const char MALFORMED[] = "{\"evaluation_date\": ";
    static const char BAD_RULES[] = "[division]\ncode = \"62\"\nname = \"t\"\n";
    static const char NOT_TOML[] = "[division\n";

    expect_error("NULL case", jz_evaluate(NULL, NULL), "null_argument");
    expect_error("invalid UTF-8 case", jz_evaluate(NOT_UTF8, NULL), "invalid_utf8");
    expect_error("invalid UTF-8 rules", jz_evaluate(CASE, NOT_UTF8), "invalid_utf8");
    expect_error("malformed JSON", jz_evaluate(MALFORMED, NULL), "malformed");
    expect_error("bad division code", jz_evaluate(CASE, BAD_RULES), "bad_rules");
    expect_error("rules not TOML", jz_evaluate(CASE, NOT_TOML), "bad_rules");
    expect_error("NULL handle", jz_evaluate_with(NULL, CASE), "null_argument");

    char *error = NULL;
    JzRules *rules = jz_rules_load(NOT_TOML, &error);
    if (rules != NULL) {
        fprintf(stderr, "FAIL: a bad document loaded a handle\n");
        failures++;
        jz_rules_free(rules);
    }
    expect_error("jz_rules_load error_out", error, "bad_rules");
    /* Without error_out the library drops the error itself. */
    if (jz_rules_load(NOT_TOML, NULL) != NULL) {
        fprintf(stderr, "FAIL: a bad document loaded a handle\n");
        failures++;
    }

    rules = jz_rules_load(NULL, &error);
    if (rules == NULL || error != NULL) {
        fprintf(stderr, "FAIL: the embedded rules did not load\n");
        jz_free(error);
        return 1;
    }
    expect_error("NULL case with handle", jz_evaluate_with(rules, NULL), "null_argument");
    expect_error("malformed JSON with handle", jz_evaluate_with(rules, MALFORMED), "malformed");
    char *ok = jz_evaluate_with(rules, CASE);
    if (ok == NULL || strncmp(ok, "{\"ok\":", 6) != 0) {
        fprintf(stderr, "FAIL valid case: %s\n", ok != NULL ? ok : "(NULL)");
        failures++;
    }
    jz_free(ok);
    jz_rules_free(rules);

    /* Both release functions accept NULL. */
    jz_free(NULL);
    jz_rules_free(NULL);

    printf("%s: %d failure(s)\n", jz_version(), failures);
    return failures == 0 ? 0 : 1;
}
