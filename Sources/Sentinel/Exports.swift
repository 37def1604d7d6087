// `import Sentinel` gives a bot everything it needs: the vocabulary, the exchange clients, the vault and the doctor.
@_exported import SentinelCore
@_exported import SentinelDoctor
@_exported import SentinelExchanges
@_exported import SentinelNet
@_exported import SentinelVault
