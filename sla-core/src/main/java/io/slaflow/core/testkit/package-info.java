/**
 * Tools for a host application's own tests, with no test framework dependency: {@link
 * io.slaflow.core.testkit.TestClock}, a clock moved by hand, and {@link
 * io.slaflow.core.testkit.PolicyScenario}, which states in wall-clock times what a policy promises
 * and throws {@link java.lang.AssertionError} with an expected/actual diff when it does not hold.
 */
package io.slaflow.core.testkit;
