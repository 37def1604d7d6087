@testable import SentinelSimulator

// SentinelCore has client-side types with these names; in the simulator's tests the simulator's own are meant.
typealias OrderSide = SentinelSimulator.OrderSide
typealias OrderType = SentinelSimulator.OrderType
typealias TimeInForce = SentinelSimulator.TimeInForce
typealias OrderStatus = SentinelSimulator.OrderStatus
typealias MarketRules = SentinelSimulator.MarketRules
typealias OrderRequest = SentinelSimulator.OrderRequest
