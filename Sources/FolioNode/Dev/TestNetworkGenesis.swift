/// The public test network's genesis, built in so `foliod --network test` needs no file. It
/// is `testnet/genesis-poa.json` (chain 7002, three authorities whose keys derive from the
/// published labels in docs/consensus.md); a test in DevChainTests keeps the two identical.
/// No seed nodes are published yet, so a node joins it through the `peers` setting.
enum TestNetworkGenesis {
    static let json = #"""
{
  "blockReward": 0,
  "chainId": 7002,
  "engine": "poa",
  "fingerprint": {
    "duplicateDistance": 12,
    "similarityDistance": 59
  },
  "maxBlockBytes": 2097152,
  "maxTransactionsPerBlock": 10000,
  "modelId": "99a26c68db2e39d97cba15cbb150225cf2f3c118614f2d976ce357a4e487195f",
  "network": "test",
  "poa": {
    "authorities": [
      "b2204348142d9168c9581812edbdce0e4d1f477e53edaabb785b456ed84b5401",
      "efd022420a0317f930aa0ea79fff5ce62d6209eeb8c850e43653ad5ecb72eb27",
      "44e9a420bde1f6fc708175246b7f1fdcd3b3e3d27c87c919b77b3538a6144f1f"
    ],
    "periodSeconds": 2
  },
  "prefunded": {
    "3333333333333333333333333333333333333333": 1000000000000000
  },
  "timestamp": 1767225600
}
"""#
}
