package dev.railguard.spring;

import dev.railguard.testkit.JudgeReplies;

/** The scripted verdicts of the tests: a population of 80 million is wrong, 2.1 million is right. */
final class Judging {

    static final String QUESTION = "What is the capital of France and how many people live there?";
    static final String WRONG = "Paris is the capital of France. It has 80 million inhabitants.";
    static final String RIGHT = "Paris is the capital of France. It has about 2.1 million inhabitants.";

    private Judging() {}

    /** The judge's reply to a prompt that quotes the output. */
    static String reply(String judgePrompt) {
        return judgePrompt.contains("80 million")
                ? JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "Well known.")
                        .unit("It has 80 million inhabitants.", "N", "high", "Paris has about 2.1 million inhabitants.").json()
                : JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "Well known.").json();
    }
}
