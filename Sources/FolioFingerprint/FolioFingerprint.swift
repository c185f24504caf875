// FolioFingerprint owns work identity by content: file readers (WAV, PNG, JPEG, PPM/PGM,
// UTF-8 text), integer feature extraction, the integer-exact LSTM encoder and its model file,
// and Hamming-distance search by multi-index hashing. It refuses to know about the chain, the
// store or the network: it turns bytes into a `Fingerprint` (FolioCore) and answers distance
// queries over codes it is given. Training lives in the separate `folio-train` executable.
