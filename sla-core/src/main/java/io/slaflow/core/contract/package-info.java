/**
 * The terms of service agreed with one customer: which policy applies, how work is paid, the
 * prepaid hours balance, the warranty on finished work and the risk buffer on estimates (D5, D9,
 * D11). See {@link io.slaflow.core.contract.ServiceContract}.
 */
package io.slaflow.core.contract;
