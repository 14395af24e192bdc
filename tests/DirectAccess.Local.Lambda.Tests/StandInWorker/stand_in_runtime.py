#!/usr/bin/env python3
# A stand-in Lambda runtime for the local Lambda's tests: speaks the Runtime API over HTTP like any custom runtime
# and does what each event's "action" asks, so timeouts, crashes, errors, logs and sizes can be provoked on demand.
import http.client
import json
import os
import sys
import time

api = os.environ["AWS_LAMBDA_RUNTIME_API"]
host, port = api.rsplit(":", 1)
base = "/2018-06-01/runtime"


def connect():
    return http.client.HTTPConnection(host, int(port))


def post(path, body, headers=None):
    connection = connect()
    connection.request("POST", base + path, body=body, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


if os.environ.get("STANDIN_INIT_ERROR") == "1":
    document = json.dumps({"errorMessage": "stand-in init failed", "errorType": "Runtime.StandInInit", "stackTrace": []})
    post("/init/error", document, {"Lambda-Runtime-Function-Error-Type": "Runtime.StandInInit"})
    sys.exit(3)

print(json.dumps({"message": "stand-in runtime started", "pid": os.getpid()}), flush=True)
while True:
    connection = connect()
    connection.request("GET", base + "/invocation/next")
    response = connection.getresponse()
    event_bytes = response.read()
    headers = {k.lower(): v for k, v in response.getheaders()}
    connection.close()
    request_id = headers["lambda-runtime-aws-request-id"]
    event = json.loads(event_bytes or b"{}") if event_bytes[:1] == b"{" else {"raw": len(event_bytes)}
    action = event.get("action", "echo")

    if action == "sleep":
        time.sleep(float(event.get("seconds", 1)))
    elif action == "exit":
        print("exiting on request", flush=True)
        os._exit(int(event.get("code", 7)))
    elif action == "error":
        document = json.dumps({"errorMessage": "boom", "errorType": "BoomError", "stackTrace": ["at stand_in"]})
        post("/invocation/" + request_id + "/error", document,
             {"Lambda-Runtime-Function-Error-Type": "BoomError", "Content-Type": "application/vnd.aws.lambda.error+json"})
        continue
    elif action == "log":
        for line in event.get("lines", []):
            print(line, flush=True)
        sys.stderr.write("stderr line\n")
        sys.stderr.flush()
    elif action == "big":
        status = post("/invocation/" + request_id + "/response", b"\"" + b"a" * int(event["bytes"]) + b"\"")
        print("big response answered %d" % status, flush=True)
        continue

    result = {
        "pid": os.getpid(),
        "requestId": request_id,
        "deadlineMs": headers.get("lambda-runtime-deadline-ms"),
        "invokedFunctionArn": headers.get("lambda-runtime-invoked-function-arn"),
        "traceId": headers.get("lambda-runtime-trace-id"),
        "clientContext": headers.get("lambda-runtime-client-context"),
        "cognitoIdentity": headers.get("lambda-runtime-cognito-identity"),
        "eventBytes": len(event_bytes),
        "env": {k: v for k, v in os.environ.items() if k.startswith(("AWS_", "DIRECTACCESS_", "STANDIN_", "_HANDLER", "LAMBDA_"))},
        "environmentNames": sorted(os.environ.keys()),
    }
    status = post("/invocation/" + request_id + "/response", json.dumps(result))
    if status != 202:
        print("response refused with %d" % status, flush=True)
