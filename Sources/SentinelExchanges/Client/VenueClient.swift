import SentinelCore
import SentinelNet

/// The client of every exchange: one request pipeline, exactly-once placement, market cache, batches and journal
/// reconciliation, written once and driven by what the venue's `VenueConnector` supplies.
public final class VenueClient<Connector: VenueConnector>: ExchangeClient {
    public let connector: Connector
    let transport: any HTTPTransport
    let configuration: ClientConfiguration
    let session: ClientSession

    public init(connector: Connector, transport: any HTTPTransport, configuration: ClientConfiguration) {
        self.connector = connector
        self.transport = transport
        self.configuration = configuration
        self.session = ClientSession(pools: connector.initialPools)
    }

    public var venue: Venue { connector.venue }

    public var clock: ClockEstimate {
        get async { session.clock }
    }

    public func dropConnections() async {
        await transport.dropConnections()
    }

    public func shutdown() async {
        // Outcomes still queued for the journal are written before the process may end.
        try? configuration.journal?.flush()
        await transport.shutdown()
    }

    /// The exchange's time as this client estimates it now: the local clock corrected by the measured offset.
    func estimatedServerTime(at localMs: Int64? = nil) -> Int64 {
        (localMs ?? configuration.now()) + session.clock.offsetMs
    }
}

extension VenueClient {
    /// A client for `venue` with `credentials`, its connector made from the same settings.
    public convenience init(
        venue: Venue, credentials: Credentials, transport: any HTTPTransport = KeepAliveHTTPTransport(),
        configuration: ClientConfiguration = ClientConfiguration()
    ) throws(SentinelError) {
        self.init(
            connector: try Connector(venue: venue, credentials: credentials, configuration: configuration),
            transport: transport, configuration: configuration)
    }
}
