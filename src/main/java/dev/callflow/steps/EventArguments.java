package dev.callflow.steps;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which arguments of a step name events besides its {@code {event}} ones: {@code {word}} positions (from 0), or
 * {@code table} for an event table's {@code event}/{@code 事件} column. The run's pre-check of the feature files
 * ({@code runner.ScenarioEventNames}) reads it with the step's own expressions; the step checks the same at run time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventArguments {
    int[] value() default {};

    boolean table() default false;
}
