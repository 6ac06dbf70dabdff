@reference-app @app-log-words
Feature: The reference app's own diagnostics
  Not conformance: these scenarios read the reference app's log words (env.log lines such as lateServerAnswerIgnored),
  which no phone shows from outside the app and no other implementation need write. They pin where the reference app
  logs each of its decisions, so that its log stays a faithful diagnostic. ReferenceAppDiagnosticsTest runs them against
  the reference app, and against the silent variant, which must fail every one of them.

  @seed-sample
  Scenario: The reference app reproduces the seed's sample log, word for word
    Given the app is running in the foreground
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    And the audio of call A runs
    And the user hangs up call A in the app
    Then the timeline shows in order:
      | source | event                     | call |
      | app    | handleIncomingCall        | A    |
      | sdk    | unprepareSDK              |      |
      | sdk    | prepareSDK                | A    |
      | system | performAnswerCallAction   | A    |
      | system | didActivateAudioSession   | A    |
      | sdk    | configAudio               | A    |
      | sdk    | startAudio                | A    |
      | app    | endCallWithCompletion     | A    |
      | system | performEndCallAction      | A    |
      | sdk    | releaseAudio              | A    |
      | sdk    | unprepareSDK              | A    |
      | system | didDeactivateAudioSession | A    |
    And the reference app logs the events named in the seed's sample log in exactly its order

  Scenario: signallingReady and handleIncomingCall mark the login and the push the app handles
    Given the app has been killed
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source | event                           | call | attributes   |
      | system | didReceiveIncomingPush          | A    |              |
      | app    | handleIncomingCall              | A    | via=push     |
      | app    | reportNewIncomingCall           | A    | handle=alice |
      | system | reportNewIncomingCallCompletion | A    |              |
      | sdk    | prepareSDK                      | A    |              |
      | app    | pushCompletion                  | A    |              |
    And the timeline shows in order:
      | source | event           | attributes |
      | system | appLaunched     |            |
      | app    | signallingReady | status=200 |

  Scenario: incomingCallRejected names the system's refusal, before the busy sent to the server
    Given the app is running in the foreground
    And Do Not Disturb is on
    When the server offers call A from "alice"
    Then the timeline shows in order:
      | source     | event                           | call | attributes                   |
      | system     | reportNewIncomingCallCompletion | A    | error=filteredByDoNotDisturb |
      | app        | incomingCallRejected            | A    | error=filteredByDoNotDisturb |
      | signalling | busy                            | A    | status=200                   |

  Scenario Outline: phantomCall names a VoIP push that starts no call (<payload>)
    Given the app has been killed
    When the app server sends a VoIP push for call A with "<payload>"
    Then the timeline shows in order:
      | source | event                  | call | attributes                 |
      | system | didReceiveIncomingPush |      |                            |
      | app    | phantomCall            |      | pushType=<type>, why=<why> |
      | app    | reportNewIncomingCall  |      |                            |
      | app    | reportCallEnded        |      | reason=failed              |
      | app    | pushCompletion         |      |                            |

    Examples:
      | payload      | type    | why              |
      | type=message | message | not a call push  |
      | no callId    | call    | no usable callId |

  Scenario: duplicateReportKept marks a duplicate push's report the app leaves alone
    Given the app is running in the background
    And APNs delivers each VoIP push twice
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source | event                           | call | attributes                  |
      | system | reportNewIncomingCallCompletion | A    | error=callUUIDAlreadyExists |
      | app    | duplicateReportKept             | A    |                             |
      | app    | pushCompletion                  | A    |                             |
    And there is no incomingCallRejected for call A

  Scenario: callAlreadyOver names the late push whose call the server says was cancelled
    Given the app has been killed
    And VoIP pushes reach the phone 10 s late
    And the caller will cancel call A while its push is on the way
    When the app server sends a VoIP push for call A from "alice"
    Then the timeline shows in order:
      | source     | event           | call | attributes         |
      | signalling | callState       | A    | status=200         |
      | app        | callAlreadyOver | A    | state=cancelled    |
      | app        | reportCallEnded | A    | reason=remoteEnded |

  Scenario: serverDeadlineExceeded and lateServerAnswerIgnored mark the app's own deadline and the answer that came after it
    Given the app is running in the foreground
    And the signalling server delays accept by 35000 ms
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                   | call | attributes               |
      | system | performAnswerCallAction | A    |                          |
      | app    | serverDeadlineExceeded  | A    | action=answer            |
      | app    | fail                    | A    | action=answer            |
      | system | callEnded               | A    | why=answer action failed |
      | sdk    | releaseAudio            | A    |                          |
      | sdk    | unprepareSDK            | A    | wasPrepared=true         |
      | app    | lateServerAnswerIgnored | A    | action=answer            |

  Scenario: serverDeadlineExceeded and lateServerAnswerIgnored for a start
    Given the app is running in the foreground
    And the signalling server delays invite by 35000 ms
    When the user calls "bob" from the app as call A
    Then the timeline shows in order:
      | source | event                   | call | attributes   |
      | app    | startCallWithCompletion | A    | handle=bob   |
      | system | performStartCallAction  | A    |              |
      | app    | serverDeadlineExceeded  | A    | action=start |
      | app    | fail                    | A    | action=start |
      | app    | lateServerAnswerIgnored | A    | action=start |

  Scenario: actionTimedOut and lateServerAnswerIgnored when the app hangs inside performAnswerCallAction
    Given the app is running in the foreground
    And the app's main thread hangs for 35000 ms in its next answer action
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                    | call | attributes    |
      | system | timedOutPerformingAction | A    | action=answer |
      | system | appMainThreadResumes     |      |               |
      | app    | actionTimedOut           | A    | action=answer |
      | app    | lateServerAnswerIgnored  | A    | action=answer |
    And rule R-TX-2 is violated

  Scenario: endAlreadyTimedOut marks the end action the app no longer completes
    Given the app is running in the foreground
    And call A from "alice" is connected
    And the app's main thread hangs for 35000 ms in its next end action
    When the user hangs up call A in the app
    Then the timeline shows in order:
      | source | event                    | call | attributes |
      | system | timedOutPerformingAction | A    | action=end |
      | system | appMainThreadResumes     |      |            |
      | sdk    | releaseAudio             | A    |            |
      | app    | endAlreadyTimedOut       | A    |            |
    And rule R-TX-2 is violated
    And rule R-TX-6 is violated

  Scenario: activationDeadlineExceeded marks the app's own deadline for didActivate
    Given the app is running in the foreground
    And the system never activates the audio session
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                      | call | attributes       |
      | system | activationSuppressed       | A    |                  |
      | app    | activationDeadlineExceeded | A    | deadline=10s     |
      | app    | reportCallEnded            | A    | reason=failed    |
      | sdk    | releaseAudio               | A    |                  |
      | sdk    | unprepareSDK               | A    | wasPrepared=true |

  Scenario: signallingReady comes before the accept of an answer given before login completed
    Given the app has been killed
    And the phone is locked
    And the signalling server delays login by 8000 ms
    When the app server sends a VoIP push for call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source     | event                   | call | attributes    |
      | system     | performAnswerCallAction | A    |               |
      | app        | signallingReady         |      | status=200    |
      | signalling | accept                  | A    | status=200    |
      | app        | fulfill                 | A    | action=answer |

  Scenario: mediaDeferred keeps the SDK with the connected call; End & Accept releases it for the second
    Given the app is configured with maximumCallGroups 2, maximumCallsPerCallGroup 1 and supportsHolding true
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    And the user chooses "End & Accept" for incoming call B
    And the audio of call B runs
    Then the timeline shows in order:
      | source | event                   | call |
      | app    | mediaDeferred           | B    |
      | system | performEndCallAction    | A    |
      | sdk    | stopAudio               | A    |
      | sdk    | releaseAudio            | A    |
      | app    | fulfill                 | A    |
      | system | performAnswerCallAction | B    |
      | sdk    | prepareSDK              | B    |

  Scenario: mediaHandedOver marks Hold & Accept's hand-over of the SDK to the answered call
    Given the app is configured with maximumCallGroups 2, maximumCallsPerCallGroup 1 and supportsHolding true
    And the app is running in the foreground
    And call A from "alice" is connected
    When the server offers call B from "bob"
    And the user chooses "Hold & Accept" for incoming call B
    And the audio of call B runs
    Then the timeline shows in order:
      | source | event                   | call |
      | system | performAnswerCallAction | B    |
      | app    | mediaHandedOver         | B    |
      | sdk    | releaseAudio            | A    |
      | sdk    | prepareSDK              | B    |

  Scenario: serverRefused names the failed accept
    Given the app is running in the foreground
    And the signalling server answers accept with status 503
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event         | call | attributes    |
      | app    | serverRefused | A    | status=503    |
      | app    | fail          | A    | action=answer |

  Scenario: inviteFailed names the failed invite
    Given the app is running in the foreground
    And the signalling server answers invite with status 500
    When the user calls "bob" from the app as call A
    Then the timeline shows in order:
      | source | event        | call | attributes   |
      | app    | inviteFailed | A    | status=500   |
      | app    | fail         | A    | action=start |

  Scenario: serverNotToldOfEnd names a hang-up the server failed
    Given the app is running in the foreground
    And call A from "alice" is connected
    And the signalling server answers hangup with status 500
    When the user hangs up call A in the app
    Then the timeline shows in order:
      | source | event              | call | attributes |
      | app    | fulfill            | A    | action=end |
      | app    | serverNotToldOfEnd | A    | status=500 |

  Scenario: endCallFailed names an end the system refused (error 4), before the app tears down and tells the server
    Given the app is running in the foreground
    And call A from "alice" is connected
    When the user switches CallKit off and on in the app's settings
    And the user hangs up call A in the app
    Then the timeline shows in order:
      | source     | event                        | call | attributes            |
      | app        | endCallWithCompletion        | A    |                       |
      | system     | requestTransactionCompletion | A    | error=unknownCallUUID |
      | app        | endCallFailed                | A    | error=unknownCallUUID |
      | sdk        | unprepareSDK                 | A    |                       |
      | signalling | hangUp                       | A    | status=200            |

  Scenario: lateServerAnswerIgnored after providerDidReset
    Given the app is running in the foreground
    And the signalling server delays accept by 8000 ms
    When the server offers call A from "alice"
    And the user answers call A on the system call UI
    Then the timeline shows in order:
      | source | event                   | call |
      | system | performAnswerCallAction | A    |
    When the system resets the provider
    Then the timeline shows in order:
      | source | event                   | call | attributes                |
      | system | providerDidReset        |      |                           |
      | sdk    | unprepareSDK            | A    | wasPrepared=true          |
      | app    | lateServerAnswerIgnored | A    | action=answer, status=200 |

  Scenario: connectedDeferred marks a callee's answer that came before the invite's response
    Given the app is running in the foreground
    And the signalling server delays invite by 5000 ms
    When the user calls "bob" from the app as call B
    And the callee answers call B
    Then the timeline shows in order:
      | source | event                               | call |
      | app    | connectedDeferred                   | B    |
      | app    | reportOutgoingCallStartedConnecting | B    |
      | app    | reportOutgoingCallConnected         | B    |

  Scenario: resumeCallWithCompletion names the user's resume in the app
    Given the app is running in the foreground
    And call A from "alice" is connected
    When a cellular call comes in
    And the user chooses "Hold & Accept" for the other call
    And call A is on hold
    And the other call is ended by the remote party
    And the user resumes call A in the app
    Then the timeline shows in order:
      | source | event                    | call | attributes      |
      | user   | userTappedResume         | A    |                 |
      | app    | resumeCallWithCompletion | A    |                 |
      | app    | requestTransaction       | A    | actions=setHeld |
