/**
 * Implementation details shared by the core packages. Not an API: anything here may change in any
 * release without notice.
 */
package io.slaflow.core.internal;
