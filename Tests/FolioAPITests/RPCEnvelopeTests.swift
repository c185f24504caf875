import Foundation
import Testing
@testable import FolioAPI

@Suite struct RPCEnvelopeTests {
    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func idsRoundTripAsTheJSONTheyCameFrom() throws {
        for (text, id) in [("\"a\"", RPCID.string("a")), ("7", .number(7)), ("null", .null)] {
            #expect(try JSONDecoder().decode(RPCID.self, from: Data(text.utf8)) == id)
            #expect(try json(id) == text)
        }
    }

    @Test func aFractionalIdIsRefused() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RPCID.self, from: Data("1.5".utf8)) }
    }

    @Test func anErrorResponseCarriesNoResult() throws {
        let response = RPCErrorResponse(error: RPCErrorObject(code: .methodNotFound, message: "no"), id: .number(3))
        #expect(try json(response) == #"{"error":{"code":-32601,"message":"no"},"id":3,"jsonrpc":"2.0"}"#)
    }

    @Test func aSuccessResponseCarriesNoError() throws {
        let response = RPCResponse(result: AccountSummary(address: "x", balance: "5", nonce: 1), id: .string("q"))
        #expect(try json(response) == #"{"id":"q","jsonrpc":"2.0","result":{"address":"x","balance":"5","nonce":1}}"#)
    }

    @Test func aRequestEncodesItsParamsByName() throws {
        let request = RPCRequest(method: ChainBlock.name, params: BlockQuery(height: 4), id: .number(1))
        #expect(try json(request) == #"{"id":1,"jsonrpc":"2.0","method":"chain_block","params":{"height":4}}"#)
    }

    @Test(arguments: ["{}", "null", "[]"])
    func noParamsAcceptsAnEmptyValue(text: String) throws {
        _ = try JSONDecoder().decode(NoParams.self, from: Data(text.utf8))
    }

    @Test func noParamsRefusesANamedParameter() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NoParams.self, from: Data(#"{"verbose":true}"#.utf8)) }
    }

    @Test func standardCodesHaveTheSpecificationsValues() {
        #expect([RPCErrorCode.parseError, .invalidRequest, .methodNotFound, .invalidParams, .internalError].map(\.rawValue)
            == [-32700, -32600, -32601, -32602, -32603])
    }

    @Test func serverCodesLieInTheImplementationRange() {
        for code in [RPCErrorCode.notFound, .unavailable, .rejected] { #expect((-32099)...(-32000) ~= code.rawValue) }
    }
}
