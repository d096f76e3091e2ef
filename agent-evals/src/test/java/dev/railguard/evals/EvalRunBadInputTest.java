package dev.railguard.evals;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.format.BadEvalRunCases;
import dev.railguard.format.BadEventCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad eval-run JSON bodies (Agno's {@code POST /eval-runs} shape): each fails at once naming the field, the value
 * and what is allowed. Part of the bad-input suite with {@code BadInputSuiteTest} of the engine.
 */
class EvalRunBadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"eval_type\":\"vibes\",\"input\":\"q\"}`| eval_type must be one of accuracy, agent_as_judge, performance, reliability, but was: vibes",
        "`{\"input\":\"q\"}`| eval_type is required; allowed: accuracy, agent_as_judge, performance, reliability",
        "`{\"eval_type\":\"accuracy\",\"input\":\"\",\"expected_output\":\"a\"}`| input must be a string of at least 1 character, but was: ''",
        "`{\"eval_type\":\"accuracy\",\"input\":7,\"expected_output\":\"a\"}`| input must be a string, but was: number 7",
        "`{\"eval_type\":\"accuracy\",\"input\":\"q\"}`| expected_output is required for eval_type accuracy, but was: null",
        "`{\"eval_type\":\"agent_as_judge\",\"input\":\"q\"}`| criteria is required for eval_type agent_as_judge, but was: null",
        "`{\"eval_type\":\"reliability\",\"input\":\"q\"}`| expected_tool_calls is required for eval_type reliability (an empty list means no tool may be called), but was: null",
        "`{\"eval_type\":\"accuracy\",\"input\":\"q\",\"expected_output\":\"a\",\"threshold\":11}`| threshold must be between 1 and 10, but was: 11",
        "`{\"eval_type\":\"accuracy\",\"input\":\"q\",\"expected_output\":\"a\",\"threshold\":\"7\"}`| threshold must be an integer, but was: string \"7\"",
        "`{\"eval_type\":\"accuracy\",\"input\":\"q\",\"expected_output\":\"a\",\"num_iterations\":0}`| num_iterations must be between 1 and 100, but was: 0",
        "`{\"eval_type\":\"accuracy\",\"input\":\"q\",\"expected_output\":\"a\",\"num_iterations\":2.5}`| num_iterations must be an integer, but was: number 2.5",
        "`{\"eval_type\":\"performance\",\"input\":\"q\",\"warmup_runs\":11}`| warmup_runs must be between 0 and 10, but was: 11",
        "`{\"eval_type\":\"reliability\",\"input\":\"q\",\"expected_tool_calls\":\"add\"}`| expected_tool_calls must be an array of strings, but was: string \"add\"",
        "`{\"eval_type\":\"reliability\",\"input\":\"q\",\"expected_tool_calls\":[\"add\",1]}`| expected_tool_calls[1] must be a string, but was: number 1",
        "`{\"eval_type\":\"reliability\",\"input\":\"q\",\"expected_tool_calls\":[],\"allow_additional_tool_calls\":\"no\"}`| allow_additional_tool_calls must be a boolean (true or false), but was: string \"no\"",
        "`{\"eval_type\":\"accuracy\",\"input\":\"q\",\"expected_output\":\"a\",\"treshold\":7}`| unknown field 'treshold'; the fields allowed here are [additional_context, additional_guidelines, agent_id, allow_additional_tool_calls, criteria, eval_type, expected_output, expected_tool_call_arguments, expected_tool_calls, input, model_id, model_provider, name, num_iterations, scoring_strategy, team_id, threshold, warmup_runs]",
        "`[1,2]`| the eval run request must be a JSON object, but was: array",
        "`{\"eval_type\":\"accuracy\",\"input\":\"q\",\"input\":\"r\",\"expected_output\":\"a\"}`| duplicate field 'input'; each field may appear once",
        "`{\"eval_type\":\"agent_as_judge\",\"input\":\"q\",\"criteria\":\"c\",\"name\":5}`| name must be a string, but was: number 5",
    })
    void a_bad_eval_run_body_fails_naming_field_value_and_what_is_allowed(String json, String message) {
        assertThatThrownBy(() -> EvalRunRequest.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEvalRunCases#arguments")
    void the_shared_eval_run_table_gets_the_same_message_as_the_record_and_the_body(BadEventCases.Case c) {
        assertThatThrownBy(() -> EvalRunRequest.fromJson(c.apply(BadEvalRunCases.BODY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
    }
}
