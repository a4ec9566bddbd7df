/**
 * The broker gateway simulator: a stand-in for the ProjectX/TopstepX gateway REST API over real HTTP
 * (JDK {@code HttpServer} and Jackson) and for its two realtime SignalR hubs over WebSocket
 * (Java-WebSocket: {@code HubServer}, {@code UserHub}, {@code MarketHub}), for tests and demos. {@link
 * io.riskguard.sinks.gateway.sim.GatewaySimulator} is the running instance and its Java API (seeding,
 * fills and quotes, scripted faults, call log); {@link io.riskguard.sinks.gateway.sim.GatewaySimulatorMain} the standalone
 * command.
 */
package io.riskguard.sinks.gateway.sim;
