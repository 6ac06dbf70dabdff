# language: zh-CN
@flow-outgoing @lang-zh-CN
功能: 去电
  用户从应用拨出：开始事务、performStartCallAction、信令 invite、完成动作、开始连接、激活、媒体，
  被叫方接听后上报 connectedAt（R-OUT-1）。只有用户能在前台发起通话：没有活动通话时，后台请求的开始会被拒绝（R-OUT-3）。

  背景:
    假如 应用正在前台运行

  @R-OUT-1 @R-AUD-2
  场景: 被叫方接听去电
    当 用户从应用拨打 "bob" 作为通话 B
    并且 被叫方接听通话 B
    那么 时间线按顺序显示：
      | 顺序 | 来源       | 事件                         | 通话 | 属性          |
      | 1    | user       | userStartedCall              | B    | handle=bob    |
      | 2    | app        | requestTransaction           | B    | actions=start |
      | 3    | system     | requestTransactionCompletion | B    |               |
      | 3    | system     | performStartCallAction       | B    |               |
      | 4    | signalling | invite                       | B    | status=201    |
      | 5    | app        | fulfill                      | B    | action=start  |
      | 6    | system     | didActivateAudioSession      | B    |               |
      | 7    | sdk        | startAudio                   | B    | result=ok     |
    并且 时间线按顺序显示：
      | 来源 | 事件                                | 通话 | 属性         |
      | app  | fulfill                             | B    | action=start |
      | app  | reportOutgoingCallStartedConnecting | B    |              |
      | app  | reportOutgoingCallConnected         | B    |              |
    并且 时间线按顺序显示：
      | 来源       | 事件                        | 通话 | 属性          |
      | signalling | serverEvent                 | B    | type=answered |
      | app        | reportOutgoingCallConnected | B    |               |

  @R-OUT-1 @R-END-1
  场景大纲: 去电始终未接通：被叫方<outcome>
    当 用户从应用拨打 "bob" 作为通话 B
    并且 通话 B 的音频开始运行
    并且 被叫方<outcome>通话 B
    那么 时间线按顺序显示：
      | 来源       | 事件                      | 通话 | 属性             |
      | signalling | serverEvent               | B    | type=<type>      |
      | system     | callEnded                 | B    |                  |
      | system     | didDeactivateAudioSession | B    |                  |
    并且 媒体 SDK 不再持有通话 B 的任何资源
    并且 没有 reportOutgoingCallConnected 事件，通话 B

    例子:
      | outcome  | type     |
      | 拒接     | declined |
      | 未接听   | noAnswer |
      | 占线拒接 | busy     |

  @R-OUT-3 @R-END-1
  场景: 应用在后台时被叫方占线，应用不会自行重拨
    当 用户从应用拨打 "bob" 作为通话 B
    并且 通话 B 的音频开始运行
    并且 应用进入后台
    并且 被叫方占线拒接通话 B
    那么 时间线按顺序显示：
      | 来源   | 事件                  | 通话 |
      | system | appDidEnterBackground |      |
      | system | callEnded             | B    |
    并且 没有 requestTransaction 事件在 callEnded 之后

  @R-OUT-1 @R-END-2
  场景: 用户在接通前取消去电
    当 用户从应用拨打 "bob" 作为通话 B
    并且 通话 B 的音频开始运行
    并且 用户在应用内挂断通话 B
    那么 时间线按顺序显示：
      | 来源   | 事件                      | 通话 | 属性        |
      | user   | userTappedHangUp          | B    |             |
      | app    | requestTransaction        | B    | actions=end |
      | system | performEndCallAction      | B    |             |
      | app    | fulfill                   | B    | action=end  |
      | system | didDeactivateAudioSession | B    |             |
    并且 时间线按顺序显示：
      | 来源   | 事件                       | 通话 |
      | system | performEndCallAction       | B    |
      | sdk    | releaseAudio\|unprepareSDK | B    |
    并且 没有 releaseAudio 事件在 performEndCallAction 之前，通话 B
