/**
 * Machinery shared by slaflow's own packages: the cached Bean Validation validator and the wording of
 * violations. Not API: anything here may change in any release without notice.
 */
package io.slaflow.core.internal;
