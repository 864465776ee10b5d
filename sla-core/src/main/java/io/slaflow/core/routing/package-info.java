/**
 * Where requests go and in which order they are worked (D1, D6, D7, D8): {@link
 * io.slaflow.core.routing.RoutingRules} sends a new request to a group and hands it on when its real
 * kind is found, as data a host can replace; {@link io.slaflow.core.routing.WorkOrder} and {@link
 * io.slaflow.core.routing.WorkQueue} order a specialist's open work; {@link
 * io.slaflow.core.routing.CallBackPolicy} turns a missed call into a call-back with its own target.
 * Group names are in {@link io.slaflow.core.routing.SupportGroups}.
 */
package io.slaflow.core.routing;
