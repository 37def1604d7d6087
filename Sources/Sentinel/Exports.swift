// `import Sentinel` gives a bot everything it needs: the vocabulary, the exchange clients, the vault, the doctor and the activity monitor.
@_exported import SentinelCore
@_exported import SentinelDoctor
@_exported import SentinelExchanges
@_exported import SentinelMonitor
@_exported import SentinelNet
@_exported import SentinelVault
