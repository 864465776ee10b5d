/**
 * The acceptance workflow of a change for a client (D9, D10, D11, D5), as plain values and
 * transitions: a solution is proposed and agreed, a {@link io.slaflow.core.acceptance.Specification}
 * with {@link io.slaflow.core.acceptance.AcceptanceScenario acceptance scenarios} is approved, the
 * work is done, demonstrated and accepted or sent back for rework, paid per the contract's terms, and
 * kept under warranty. {@link io.slaflow.core.acceptance.AcceptanceCase} is the state machine a process
 * step calls; every transition returns a new value and a refused one changes nothing.
 */
package io.slaflow.core.acceptance;
